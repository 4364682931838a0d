import { z } from "zod";
import { CorrectionKind } from "../generated/prisma/enums";
import { slugSchema } from "../format/slug";
import { webUrlSchema } from "../security/urls";
import { bodySchema, emptyBody } from "./body";
import { sourceLinksSchema } from "../sources/schema";
import { imagePlacementSchema } from "../media/schema";
import { languageTagSchema } from "../settings/language";

export const HEADLINE_MAX = 200;
export const SEO_TITLE_HINT = 60;
export const SEO_DESCRIPTION_HINT = 160;

const optionalId = z.string().min(1).nullish();

/**
 * A dek as stored: trimmed, its line breaks kept (readers see them: white-space: pre-line), a run
 * of empty lines made one, spaces around a break gone.
 */
export function normalizeDek(dek: string): string {
  return dek
    .trim()
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]*\n[ \t]*/g, "\n")
    .replace(/\n{3,}/g, "\n\n");
}

const VERSION_MESSAGE = "Send the version of the story you started from: a whole number from 1.";
/** The version a save or a move started from (optimistic concurrency): a stale one is a conflict. */
export const storyVersionSchema = z.coerce.number({ error: VERSION_MESSAGE }).int(VERSION_MESSAGE).min(1, VERSION_MESSAGE);

/** Everything an editor sets on a story. Shared by the editor form and the server. */
export const articleFieldsSchema = z.object({
  headline: z.string().trim().min(1, "Write a headline.").max(HEADLINE_MAX, `Headlines can be at most ${HEADLINE_MAX} characters.`),
  slug: slugSchema,
  // Counted as stored: the empty lines and spaces a save drops do not count.
  dek: z.string().overwrite(normalizeDek).max(500, "The dek can be at most 500 characters.").default(""),
  dateline: z.string().trim().max(100, "Datelines can be at most 100 characters.").default(""),
  sectionId: optionalId,
  authorIds: z.array(z.string().min(1)).max(20, "A story can have at most 20 bylines.").default([]),
  tagIds: z.array(z.string().min(1)).max(30, "A story can have at most 30 tags.").default([]),
  body: bodySchema.default(emptyBody),
  seoTitle: z.string().trim().max(120, "SEO titles can be at most 120 characters.").nullish(),
  seoDescription: z.string().trim().max(320, "SEO descriptions can be at most 320 characters.").nullish(),
  canonicalUrl: z.union([z.literal("").transform(() => null), webUrlSchema]).nullish(),
  // The story's own language, stored canonical ("CY" is saved as cy); empty is the site's (null).
  language: z
    .string()
    .transform((tag) => (tag.trim() ? tag : null))
    .pipe(languageTagSchema.nullable())
    .nullish(),
  sources: sourceLinksSchema.default([]),
  hero: imagePlacementSchema.nullish(),
});

export const createArticleSchema = articleFieldsSchema;

/** A save: the fields plus the version the editor started from (optimistic concurrency). */
export const updateArticleSchema = articleFieldsSchema.extend({
  id: z.string().min(1),
  version: storyVersionSchema,
  /** A save of a live story is either a material update (readers see a new updated time) or a minor fix. */
  materialUpdate: z.boolean().default(false),
  /** An autosave of a draft: stored, but no revision or audit event per keystroke pause. */
  autosave: z.boolean().default(false),
  /** The desk's id for this save, kept with the version it makes (see `after`). */
  saveId: z.string().min(8).max(64).optional(),
  /**
   * The ids of this editor's saves whose answer never came (a dropped connection): when the story's
   * newest version was made by one of them, the save goes onto it rather than conflict with itself.
   */
  after: z.array(z.string().min(8).max(64)).max(50).default([]),
});

export type CreateArticleInput = z.input<typeof createArticleSchema>;
export type UpdateArticleInput = z.input<typeof updateArticleSchema>;
export type ArticleFields = z.output<typeof articleFieldsSchema>;

export const CORRECTION_KIND_LABELS: Record<CorrectionKind, string> = {
  CORRECTION: "Correction",
  CLARIFICATION: "Clarification",
  UPDATE: "Update",
  EDITORS_NOTE: "Editor's note",
};

export const addCorrectionSchema = z.object({
  articleId: z.string().min(1),
  version: storyVersionSchema,
  kind: z.enum(CorrectionKind, { error: "Choose the kind of note." }),
  text: z
    .string()
    .trim()
    .min(10, "Write the note readers will see (at least 10 characters).")
    .max(2000, "Keep the note under 2000 characters."),
});
export type AddCorrectionInput = z.input<typeof addCorrectionSchema>;

export const deleteArticleSchema = z.object({ id: z.string().min(1), version: storyVersionSchema });
