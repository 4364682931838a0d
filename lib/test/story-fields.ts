import type { BodyDoc } from "../articles/body";
import type { EditorFields } from "../articles/editor";

/** A story body of plain paragraphs. */
export const paragraphs = (...texts: string[]) =>
  ({ type: "doc", content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) }) as BodyDoc;

/** A story's fields as the editor holds them, for tests that compare or merge versions (no database): section s1, bylines a1 and a2, tags t1 and t2. */
export const storyFields = (over: Partial<EditorFields> = {}): EditorFields => ({
  headline: "Ferry resumes — A version",
  slug: "ferry-resumes",
  dek: "Service is back after the storm.",
  dateline: "SPLIT, Croatia",
  sectionId: "s1",
  authorIds: ["a1", "a2"],
  tagIds: ["t1", "t2"],
  body: paragraphs("The first ferry left at six.", "Passengers cheered."),
  seoTitle: "",
  seoDescription: "",
  canonicalUrl: "",
  language: "",
  sources: [],
  hero: null,
  ...over,
});
