import { revalidateTag } from "next/cache";
import { withPublicRefresh } from "../cache/invalidation";
import { AppError, parseOrThrow } from "../errors";
import type { Viewer } from "../auth/viewer";
import { getEditorData } from "../articles/editor";
import { updateArticle } from "../articles/mutations/index";
import type { UpdateArticleInput } from "../articles/schema";
import { deskAddSourcesSchema, deskUpdateStorySchema } from "./desk-schemas";

/** Route handlers expire at once, since an HTTP purge follows (STYLE.md). */
export const expireNow = (tag: string) => revalidateTag(tag, { expire: 0 });

/**
 * A story as the desk's editor loads it, or not_found (also for a story out of the user's scope).
 * Its `fields` are in the shape a save takes back (the editor form does the same: empty dates and
 * archive links become null), so a program can GET, change and PUT.
 */
export async function getDeskStoryOrThrow(viewer: Viewer, id: string) {
  const story = await getEditorData(viewer, id);
  if (!story) throw new AppError("not_found", "That story does not exist or the key's user cannot see it.");
  const sources = story.fields.sources.map((s) => ({ ...s, accessedAt: s.accessedAt || null, archivedUrl: s.archivedUrl || null }));
  return { ...story, fields: { ...story.fields, sources } };
}

/**
 * A story's save through the API (PUT): the fields sent replace the saved ones and the fields left
 * out keep their saved values, as in the WordPress and Ghost APIs, so that a program sending a new
 * headline with its version does not empty the story's body, bylines, section and sources (it did).
 * The rest is the editor's own save: the version check, the permissions, the validation.
 */
export async function saveDeskStory(viewer: Viewer, id: string, body: unknown, expire: (tag: string) => void = expireNow) {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new AppError("invalid", "Send the story's fields as a JSON object.");
  // A key the save does not know (a typo, or the GET's `fields` object sent whole) would be dropped
  // and the save made anyway, with a new version and revision for nothing.
  const unknown = Object.keys(body).filter((key) => !(key in deskUpdateStorySchema.shape));
  if (unknown.length > 0) {
    throw new AppError(
      "invalid",
      `Unknown fields: ${unknown.join(", ")}. Send the story's fields at the top level, as UpdateStory in /api/v1/docs lists them.`,
      Object.fromEntries(unknown.map((key) => [key, ["Not a field of a story."]])),
    );
  }
  const { fields } = await getDeskStoryOrThrow(viewer, id);
  return withPublicRefresh(id, () => updateArticle(viewer, { ...fields, ...body, id, autosave: false } as UpdateArticleInput), expire);
}

/**
 * Adds sources after the story's own: the story as the editor would load it, plus the new sources,
 * saved through the editor's own save (same version check, same permissions, same validation; the
 * field messages name the sources by their final position, `sources.3.url`).
 */
export async function addSources(viewer: Viewer, id: string, raw: unknown, expire: (tag: string) => void = expireNow) {
  const input = parseOrThrow(deskAddSourcesSchema, raw);
  const story = await getDeskStoryOrThrow(viewer, id);
  const { fields } = story;
  return withPublicRefresh(
    id,
    () =>
      updateArticle(viewer, {
        ...fields,
        sources: [...fields.sources, ...input.sources],
        id,
        version: input.version,
        // A live story's sources are part of what readers see: a material update.
        materialUpdate: story.status === "PUBLISHED",
      }),
    expire,
  );
}
