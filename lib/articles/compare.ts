import { bodySchema, bodyToText } from "./body";
import type { ArticleSnapshot } from "./snapshot";
import { normalizeDek } from "./schema";
import { canonicalLanguage } from "../settings/language";
import { placementFields } from "../media/schema";

type StoryPhoto = ReturnType<typeof placementFields>;

/** A story as a diff compares it: the editor's fields (the conflict view) or a revision's snapshot (through `snapshotForCompare`). */
export type Comparable = {
  headline: string;
  dek: string;
  slug: string;
  dateline: string;
  sectionId: string | null;
  authorIds: string[];
  tagIds: string[];
  body: unknown;
  hero: StoryPhoto | null;
  sources: { title: string; url: string; publisher?: string | null }[];
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string;
  language: string;
};

/** What the ids in a story are called (sections, bylines, tags, and photos as the desk calls them: photoTitle), for the diff to show names. */
export type CompareNames = {
  sections: Record<string, string>;
  authors: Record<string, string>;
  tags: Record<string, string>;
  photos: Record<string, string>;
};

/** A revision's snapshot in the editor's shape, so that revisions and the conflict view compare the same fields. */
export function snapshotForCompare(s: ArticleSnapshot): Comparable {
  const hero = s.images.find((i) => i.role === "HERO");
  return {
    ...s,
    authorIds: s.authors.map((a) => a.authorId),
    tagIds: s.tags.map((t) => t.tagId),
    hero: hero ? placementFields(hero) : null,
    seoTitle: s.seoTitle ?? "",
    seoDescription: s.seoDescription ?? "",
    canonicalUrl: s.canonicalUrl ?? "",
    // Revisions from before stories had a language of their own are in the site's.
    language: s.language ?? "",
  };
}

/** What a story refers to by id (the conflict view sends its own, unsaved, to be named). */
export type StoryRefs = Pick<Comparable, "sectionId" | "authorIds" | "tagIds"> & { hero: { imageId: string } | null };

/** The ids stories refer to, by kind: what `CompareNames` must name. */
export function idsToName(stories: StoryRefs[]): { [K in keyof CompareNames]: string[] } {
  return {
    sections: [...new Set(stories.flatMap((s) => (s.sectionId ? [s.sectionId] : [])))],
    authors: [...new Set(stories.flatMap((s) => s.authorIds))],
    tags: [...new Set(stories.flatMap((s) => s.tagIds))],
    photos: [...new Set(stories.flatMap((s) => (s.hero ? [s.hero.imageId] : [])))],
  };
}

const GONE = {
  sections: "a deleted section",
  authors: "a deleted byline",
  tags: "a deleted tag",
  photos: "a photo no longer in the library",
};

/** Each field's label, as the editor shows it, in the editor's order: the diffs', the conflict's and the publish button's. */
export const STORY_FIELD_LABELS: Record<keyof Comparable, string> = {
  headline: "Headline",
  dek: "Dek",
  slug: "Slug",
  dateline: "Dateline",
  language: "Language",
  sectionId: "Section",
  authorIds: "Bylines",
  tagIds: "Tags",
  body: "Body",
  hero: "Hero photo",
  sources: "Sources",
  seoTitle: "SEO title",
  seoDescription: "SEO description",
  canonicalUrl: "Canonical URL",
};

/**
 * The text of each field of a story that a diff compares (revisions, and the conflict view), by the
 * label the editor shows for it: bylines in their order, tags by name (their order means nothing),
 * and the hero photo with what this story says of it.
 */
export function comparableFields(s: Comparable, names: CompareNames): Record<string, string> {
  // A deleted one is said so, with its id's tail: two deleted bylines swapped, or one deleted tag
  // for another, still show in the diff.
  const name = (kind: keyof CompareNames, id: string) => names[kind][id] ?? `${GONE[kind]} (#${id.slice(-6)})`;
  const body = bodySchema.safeParse(s.body);
  const photo = s.hero;
  return {
    [STORY_FIELD_LABELS.headline]: s.headline,
    // As stored: an editor's unsaved dek with blank lines is not a change its save would make.
    [STORY_FIELD_LABELS.dek]: normalizeDek(s.dek),
    [STORY_FIELD_LABELS.slug]: s.slug,
    [STORY_FIELD_LABELS.dateline]: s.dateline,
    // As stored: "CY" typed is the cy saved; empty is the site's language.
    [STORY_FIELD_LABELS.language]: s.language.trim() ? (canonicalLanguage(s.language) ?? s.language.trim()) : "",
    [STORY_FIELD_LABELS.sectionId]: s.sectionId ? name("sections", s.sectionId) : "",
    [STORY_FIELD_LABELS.authorIds]: s.authorIds.map((id) => name("authors", id)).join("\n"),
    [STORY_FIELD_LABELS.tagIds]: s.tagIds
      .map((id) => name("tags", id))
      .sort((a, b) => a.localeCompare(b))
      .join("\n"),
    [STORY_FIELD_LABELS.body]: body.success ? bodyToText(body.data) : "",
    [STORY_FIELD_LABELS.hero]: photo
      ? [
          name("photos", photo.imageId),
          ...(
            [
              ["Caption", photo.caption],
              ["Photographer", photo.credit],
              ["Agency", photo.agency],
              ["Credit line", photo.creditLine],
              ["Alt text", photo.altText],
            ] as const
          ).flatMap(([label, text]) => (text.trim() ? [`${label} for this story: ${text}`] : [])),
        ].join("\n")
      : "",
    [STORY_FIELD_LABELS.sources]: s.sources.map((x) => `${x.title} — ${x.url}${x.publisher ? ` (${x.publisher})` : ""}`).join("\n"),
    [STORY_FIELD_LABELS.seoTitle]: s.seoTitle,
    [STORY_FIELD_LABELS.seoDescription]: s.seoDescription,
    [STORY_FIELD_LABELS.canonicalUrl]: s.canonicalUrl,
  };
}
