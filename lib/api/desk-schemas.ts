import { z } from "zod";
import { ArticleStatus } from "../generated/prisma/enums";
import { addCorrectionSchema, createArticleSchema, storyVersionSchema, updateArticleSchema } from "../articles/schema";
import { transitionFieldsSchema } from "../articles/workflow";
import { sourceLinkSchema } from "../sources/schema";
import { createAuthorSchema } from "../authors/schema";
import { createTagSchema } from "../tags/schema";

// The desk API's request bodies: the desk's own schemas (the same ones its forms and mutations
// parse with), minus what the address already says.

export const deskCreateStorySchema = createArticleSchema.meta({ id: "CreateStory" });
/** For the OpenAPI document: a save sends its version and the fields it changes (lib/api/desk-writes.ts saveDeskStory). */
export const deskUpdateStorySchema = updateArticleSchema
  .omit({ id: true, autosave: true })
  .partial()
  .required({ version: true })
  .meta({ id: "UpdateStory" });
export const deskTransitionSchema = transitionFieldsSchema.omit({ id: true }).meta({ id: "Transition" });
export const deskAddSourcesSchema = z
  .object({
    version: storyVersionSchema,
    sources: z.array(sourceLinkSchema).min(1, "Send at least one source.").max(100, "A story can list at most 100 sources."),
  })
  .meta({ id: "AddSources" });
export const deskCorrectionSchema = addCorrectionSchema.omit({ articleId: true }).meta({ id: "AddCorrection" });
export const deskCreateBylineSchema = createAuthorSchema.meta({ id: "CreateByline" });
export const deskCreateTagSchema = createTagSchema.meta({ id: "CreateTag" });
export const deskStoryListQuerySchema = z.object({
  status: z.enum(ArticleStatus, { error: "Choose one of DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED." }).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1, "Give a number from 1 to 100.").max(100, "Give a number from 1 to 100.").default(20),
});
