import { bodySchema, bodyToText } from "./body";

type Comparable = {
  headline: string;
  dek: string;
  slug: string;
  dateline: string;
  body: unknown;
  sources: { title: string; url: string; publisher?: string | null }[];
};

/** The text of a story's fields that a diff compares (revisions, and the conflict view). */
export function comparableFields(s: Comparable): Record<string, string> {
  const body = bodySchema.safeParse(s.body);
  return {
    Headline: s.headline,
    Dek: s.dek,
    Slug: s.slug,
    Dateline: s.dateline,
    Body: body.success ? bodyToText(body.data) : "",
    Sources: s.sources.map((x) => `${x.title} — ${x.url}${x.publisher ? ` (${x.publisher})` : ""}`).join("\n"),
  };
}
