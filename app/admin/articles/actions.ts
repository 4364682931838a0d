"use server";

import { z } from "zod";
import { updateTag } from "next/cache";
import { withPublicRefresh } from "@/lib/cache/invalidation";
import { authedAction } from "@/lib/auth/action";
import { addCorrectionSchema, createArticleSchema, deleteArticleSchema, updateArticleSchema } from "@/lib/articles/schema";
import { createArticle, updateArticle, transitionArticle, addCorrection, deleteArticle } from "@/lib/articles/mutations";
import { transitionFieldsSchema } from "@/lib/articles/workflow";
import { isSlugAvailable } from "@/lib/articles/queries";
import { compareNames, restoreRevision, restoreRevisionSchema, storyRefsSchema } from "@/lib/articles/revisions";
import { slugSchema } from "@/lib/format/slug";
import { createAuthor } from "@/lib/authors/mutations";
import { createAuthorSchema } from "@/lib/authors/schema";
import { createTag } from "@/lib/tags/mutations";
import { createTagSchema } from "@/lib/tags/schema";
import { parseDeskLocal } from "@/lib/format/time";
import { getSiteSettings } from "@/lib/cache/public-data";
import { AppError } from "@/lib/errors";
import { getEditorData } from "@/lib/articles/editor";

// Create a draft story (any signed-in role).
export const createArticleAction = authedAction(createArticleSchema, (input, viewer) => createArticle(viewer, input), {
  permission: "article.create",
});

// Save a story's fields with its version; stale saves are refused (writers: own drafts; editors: any).
export const updateArticleAction = authedAction(
  updateArticleSchema,
  (input, viewer) => withPublicRefresh(input.id, () => updateArticle(viewer, input), updateTag),
  { permission: "article.editOwn" },
);

// Move a story through the workflow; the schedule time arrives as newsroom wall-clock time (permission table).
export const transitionArticleAction = authedAction(
  transitionFieldsSchema.omit({ scheduledFor: true }).extend({ scheduledLocal: z.string().max(40).optional() }),
  async (input, viewer) => {
    const { timeZone } = await getSiteSettings();
    const read = input.scheduledLocal ? parseDeskLocal(input.scheduledLocal, timeZone) : null;
    if (read && "error" in read) throw new AppError("invalid", read.error, { scheduledFor: [read.error] });
    const scheduledFor = read ? read.at : null;
    return withPublicRefresh(input.id, () => transitionArticle(viewer, { ...input, scheduledFor }), updateTag);
  },
  { permission: "article.submit" },
);

// Add a public correction, clarification, update or editor's note (editors).
export const addCorrectionAction = authedAction(
  addCorrectionSchema,
  (input, viewer) => withPublicRefresh(input.articleId, () => addCorrection(viewer, input), updateTag),
  { permission: "article.correct" },
);

// Delete a never-published draft (editors, or a writer's own draft).
export const deleteArticleAction = authedAction(
  deleteArticleSchema,
  (input, viewer) => withPublicRefresh(input.id, () => deleteArticle(viewer, input), updateTag),
  { permission: "article.deleteOwn" },
);

// Restore a revision as a new save (whoever may edit the story).
export const restoreRevisionAction = authedAction(
  restoreRevisionSchema,
  (input, viewer) => withPublicRefresh(input.articleId, () => restoreRevision(viewer, input), updateTag),
  { permission: "article.editOwn" },
);

// Is this slug free for this story? (any signed-in role)
export const checkSlugAction = authedAction(
  z.object({ slug: slugSchema, articleId: z.string().nullable() }),
  async (input) => ({
    available: await isSlugAvailable(input.slug, input.articleId),
  }),
  { permission: "article.create" },
);

// Find or create a tag (any signed-in role).
export const createTagAction = authedAction(createTagSchema, (input, viewer) => createTag(viewer, input), { permission: "tag.create" });

// Create a byline (any signed-in role).
export const createAuthorAction = authedAction(createAuthorSchema, (input, viewer) => createAuthor(viewer, input), {
  permission: "author.create",
});

/** The story as saved now, for the conflict view (whoever can see it), with the names of what it and the editor's unsaved version (`mine`) refer to. */
export const loadEditorDataAction = authedAction(
  z.object({ id: z.string().min(1), mine: storyRefsSchema.optional() }),
  async (input, viewer) => {
    const data = await getEditorData(viewer, input.id);
    if (!data) throw new AppError("not_found", "That story no longer exists.");
    return { ...data, names: await compareNames(input.mine ? [data.fields, input.mine] : [data.fields]) };
  },
  { permission: "desk.view" },
);
