import "@/lib/security/zod-jitless";
import type { EditorFields } from "@/lib/articles/editor";
import { articleFieldsSchema } from "@/lib/articles/schema";
import { STORY_FIELD_LABELS } from "@/lib/articles/compare";
import type { FieldErrors } from "@/lib/errors";
import { andList } from "@/lib/format/text";
import { toSaveInput } from "./use-article-draft";

const withoutBody = articleFieldsSchema.omit({ body: true });

/** The shared schema's messages for `fields`, keyed by path ("sources.1.url"); the body only when asked (it can be 2 MB). */
export function schemaErrors(fields: EditorFields, withBody: boolean): FieldErrors {
  const input = toSaveInput(fields);
  const parsed = withBody ? articleFieldsSchema.safeParse(input) : withoutBody.safeParse(input);
  const out: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join(".") || "_form";
      (out[key] ??= []).push(issue.message);
    }
  }
  return out;
}

/**
 * The field messages to show now, after a save was refused with `refused` for the fields as they
 * were then (`then`): the shared schema runs again on what is typed now, so a message changes as
 * the editor types and goes once the field is right. A message only the server can give (a slug
 * already taken) stays until its field is changed.
 */
export function liveFieldErrors(
  fields: EditorFields,
  refused: FieldErrors | undefined,
  then: EditorFields | null,
): FieldErrors | undefined {
  if (!refused) return undefined;
  const withBody = Object.keys(refused).some((k) => k.startsWith("body"));
  const now = schemaErrors(fields, withBody);
  const before = then ? schemaErrors(then, withBody) : {};
  for (const [key, messages] of Object.entries(refused)) {
    if (key in now || !messages) continue;
    const serverOnly = messages.filter((m) => !before[key]?.includes(m));
    const top = key.split(".")[0] as keyof EditorFields;
    if (serverOnly.length && then && JSON.stringify(then[top]) === JSON.stringify(fields[top])) now[key] = serverOnly;
  }
  return Object.keys(now).length ? now : undefined;
}

/** How the publish button's list names a field: by its label ("the headline", "the SEO title"). */
const fieldName = (key: string) => {
  const label = STORY_FIELD_LABELS[key as keyof typeof STORY_FIELD_LABELS];
  return label ? `the ${label.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())}` : key;
};

/**
 * What a save would be refused for, for the publish button's list beside publishProblems
 * ("a fix to the headline and source 2"): the shared schema on the fields as typed, so "Ready to
 * publish" is never said of a story the server would refuse (a `javascript:` source, a headline
 * over its limit). The body is checked by the save itself.
 */
export function fieldProblems(fields: EditorFields): string[] {
  const blankSources = new Set<number>();
  const names = Object.keys(schemaErrors(fields, false)).flatMap((key) => {
    const [top = "", index] = key.split(".");
    // A field left empty is already on the list, as what the story needs ("a headline").
    const value = fields[top as keyof EditorFields];
    if ((typeof value === "string" && !value.trim()) || (Array.isArray(value) && value.length === 0)) return [];
    if (top !== "sources" || index === undefined || !/^\d+$/.test(index)) return [fieldName(top)];
    // A row added and left empty has nothing to fix, only to fill in or remove (its row says nothing until a save).
    const row = fields.sources[Number(index)];
    if (row && !row.url.trim() && !row.title.trim()) blankSources.add(Number(index));
    return blankSources.has(Number(index)) ? [] : [`source ${Number(index) + 1}`];
  });
  const blanks = [...blankSources].sort((a, b) => a - b).map((i) => `source ${i + 1}`);
  return [
    ...(names.length ? [`a fix to ${andList([...new Set(names)])}`] : []),
    ...(blanks.length ? [`an address and a title for ${andList(blanks)}, or ${blanks.length === 1 ? "its" : "their"} removal`] : []),
  ];
}
