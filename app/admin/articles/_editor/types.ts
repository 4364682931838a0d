import type { EditorFields } from "@/lib/articles/editor";
import type { FieldErrors } from "@/lib/errors";

export type SourceRow = EditorFields["sources"][number];
export type HeroFields = NonNullable<EditorFields["hero"]>;
export type Option = { id: string; name: string };

/** The messages for `key` ("sources.1.url"), if any. */
export const errorsAt = (errors: FieldErrors | undefined, key: string) => errors?.[key];
