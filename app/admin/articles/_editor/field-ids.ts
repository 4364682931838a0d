/**
 * The element id of each of the editor's plain fields: article-form.tsx and seo-fields.tsx render
 * them with these ids, and use-typed-before-hydration.ts reads what was typed into them before the
 * page's scripts ran by the same ids, so a renamed field cannot drop out of it unnoticed.
 */
export const EDITOR_FIELD_IDS = {
  headline: "headline",
  dek: "dek",
  slug: "slug",
  dateline: "dateline",
  language: "story-language",
  sectionId: "section",
  seoTitle: "seo-title",
  seoDescription: "seo-description",
  canonicalUrl: "canonical",
} as const;

/** The fields whose early typing the editor adopts, as [element id, field] (use-typed-before-hydration.ts). */
export const TYPED_EARLY_FIELDS = Object.entries(EDITOR_FIELD_IDS).map(([key, id]) => [id, key]) as [
  (typeof EDITOR_FIELD_IDS)[keyof typeof EDITOR_FIELD_IDS],
  keyof typeof EDITOR_FIELD_IDS,
][];

/** A source row's field ids (sources-editor.tsx), by the schema's name for the field. */
const SOURCE_FIELD_SUFFIX: Record<string, string> = {
  url: "url",
  title: "title",
  publisher: "publisher",
  kind: "kind",
  accessedAt: "accessed",
  archivedUrl: "archive",
  note: "note",
};

/** The element a refused field's message path ("dateline", "sources.1.note") names, if it has one to go to. */
export function fieldElementId(path: string): string | null {
  const [top = "", index, field] = path.split(".");
  if (top === "sources" && index && /^\d+$/.test(index) && field && SOURCE_FIELD_SUFFIX[field])
    return `source-${index}-${SOURCE_FIELD_SUFFIX[field]}`;
  return (EDITOR_FIELD_IDS as Record<string, string>)[top] ?? null;
}
