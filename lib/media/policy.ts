import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import { db } from "../db";
import { hasPermission } from "../auth/permissions";
import type { Viewer } from "../auth/viewer";
import { AppError } from "../errors";
import { quoted } from "../format/text";
import { decideStory, mayKnowOfStory, storyFactsSelect, toStoryFacts, type StoryFacts } from "../articles/policy";

/** A story that shows a photo, with what the story policy asks of it. */
export type PhotoStory = { id: string; headline: string } & StoryFacts;

/**
 * The stories that show a photo, as hero or in the body, each once: the live ones (published or
 * scheduled), newest first, and the others (drafts, in review, taken down).
 */
export type PhotoUse = { liveStories: PhotoStory[]; otherStories: PhotoStory[] };

export type PhotoChangeDecision = { allowed: true } | { allowed: false; reason: string };

/** A refusal to delete: `inUse` when stories show the photo (take it out there first), not for who the viewer is. */
export type PhotoDeleteDecision = { allowed: true } | { allowed: false; reason: string; inUse: boolean };

const LIVE_STATUSES = ["PUBLISHED", "SCHEDULED"] as const;
export const isLiveStatus = (status: string) => (LIVE_STATUSES as readonly string[]).includes(status);

/**
 * Who may change a photo (its caption, credit, alt text, license or focal point, its file, or
 * delete it): editors and admins, any photo. Anyone else who may edit photos, one that no live
 * story shows (it would reach readers the moment it changed) and no story they cannot edit shows
 * (a writer would change the picture in someone else's draft: lib/articles/policy.ts decides).
 * The one place this rule lives: the mutations ask it what to allow, the photo page what to show.
 */
export function photoChangePolicy(viewer: Viewer, use: PhotoUse): PhotoChangeDecision {
  if (!hasPermission(viewer.role, "media.edit")) return { allowed: false, reason: "Your role does not allow changing photos." };
  if (hasPermission(viewer.role, "media.editLive")) return { allowed: true };
  // A story's own caption, credit and alt text for the photo are set in its photo panel and change nothing else.
  const instead = "Give your story its own caption, credit or alt text in its photo panel, or ask an editor.";
  if (use.liveStories.length === 0) {
    const others = use.otherStories.filter((story) => !decideStory(viewer, story, "edit").allowed).length;
    if (others === 0) return { allowed: true };
    // Not named: a writer may not see the stories of others.
    const where = others === 1 ? "a story you cannot edit" : `${others} stories you cannot edit`;
    return {
      allowed: false,
      reason: `This photo is in ${where}, so only an editor can change it: the change would show there too. ${instead}`,
    };
  }
  // Named when the viewer may know of them: a published story, or one of their own.
  const named = use.liveStories.filter((s) => mayKnowOfStory(viewer, s)).slice(0, 3);
  const more = use.liveStories.length - named.length;
  const list = named.length > 0 ? ` (${named.map((s) => quoted(s.headline)).join(", ")}${more > 0 ? ` and ${more} more` : ""})` : "";
  const story = use.liveStories.length === 1 ? "a live story" : `${use.liveStories.length} live stories`;
  return {
    allowed: false,
    reason: `This photo is in ${story}${list}, so only an editor can change it: readers would see the change at once. ${instead}`,
  };
}

/**
 * Who may delete a photo: one who may delete photos (editors) and change this one, once no story
 * shows it. A draft's photo is kept too: deleting it took its placement and left the photo in the
 * draft's text, which went live without it, unannounced. The photo page offers "Delete photo" by it.
 */
export function photoDeletePolicy(viewer: Viewer, use: PhotoUse): PhotoDeleteDecision {
  if (!hasPermission(viewer.role, "media.delete")) return { allowed: false, reason: "Only editors can delete photos.", inUse: false };
  const change = photoChangePolicy(viewer, use);
  if (!change.allowed) return { ...change, inUse: false };
  const { liveStories: live, otherStories: others } = use;
  // At most three named (a photo in two hundred stories makes no sentence), each as the desk names it.
  const names = (stories: PhotoStory[]) =>
    stories
      .slice(0, 3)
      .map((s) => quoted(s.headline || "Untitled story"))
      .join(", ") + (stories.length > 3 ? ` and ${stories.length - 3} more` : "");
  if (live.length > 0)
    return {
      allowed: false,
      inUse: true,
      reason: `This photo is in ${live.length === 1 ? "a live story" : `${live.length} live stories`} (${names(live)}). Replace it there first.`,
    };
  if (others.length > 0)
    return {
      allowed: false,
      inUse: true,
      reason: `This photo is in ${others.length === 1 ? "a story that is not live" : `${others.length} stories that are not live`} (${names(others)}). Take it out of ${others.length === 1 ? "it" : "them"} first.`,
    };
  return { allowed: true };
}

/** Throws `forbidden` with the policy's sentence unless `viewer` may change a photo in this use. */
export function assertMayChangePhoto(viewer: Viewer, use: PhotoUse): void {
  const decision = photoChangePolicy(viewer, use);
  if (!decision.allowed) throw new AppError("forbidden", decision.reason);
}

/** The stories that show photo `imageId`; read inside the write's transaction when one changes it. */
export async function photoUse(imageId: string, client: Tx | typeof db = db): Promise<PhotoUse> {
  const rows = await client.articleImage.findMany({
    where: { imageId },
    select: { article: { select: { id: true, headline: true, publishedAt: true, ...storyFactsSelect } } },
    orderBy: { articleId: "asc" },
  });
  return toPhotoUse(rows.map((r) => r.article));
}

/** The use of a photo from the stories that show it (a story may show it twice, as hero and inline). */
export function toPhotoUse(
  stories: (Prisma.ArticleGetPayload<{ select: typeof storyFactsSelect }> & { id: string; headline: string; publishedAt: Date | null })[],
): PhotoUse {
  const unique = [...new Map(stories.map((s) => [s.id, s])).values()];
  // Newest first, then by id: the same order on every engine.
  const live = unique
    .filter((s) => isLiveStatus(s.status))
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1));
  const story = (s: (typeof unique)[number]): PhotoStory => ({ id: s.id, headline: s.headline, ...toStoryFacts(s) });
  return { liveStories: live.map(story), otherStories: unique.filter((s) => !isLiveStatus(s.status)).map(story) };
}
