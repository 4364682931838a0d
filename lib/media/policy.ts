import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import { db } from "../db";
import { hasPermission } from "../auth/permissions";
import type { Viewer } from "../auth/viewer";
import { AppError } from "../errors";
import { quoted } from "../format/text";

/** The live stories (published or scheduled) that show a photo, as hero or in the body. */
export type PhotoLiveUse = { liveStories: { id: string; headline: string }[] };

export type PhotoChangeDecision = { allowed: true } | { allowed: false; reason: string };

const LIVE_STATUSES = ["PUBLISHED", "SCHEDULED"] as const;
export const isLiveStatus = (status: string) => (LIVE_STATUSES as readonly string[]).includes(status);

/** Placements in live stories: hero and inline photos are both ArticleImage rows. */
export const livePlacementWhere = (imageId: string) =>
  ({ imageId, article: { status: { in: [...LIVE_STATUSES] } } }) satisfies Prisma.ArticleImageWhereInput;

/**
 * Who may change a photo (its caption, credit, alt text, license or focal point, its file, or
 * delete it): a photo a live story shows reaches readers the moment it changes, so only editors
 * and admins may change it; a photo nothing live uses, anyone who may edit photos. The one
 * place this rule lives: the mutations ask it what to allow, the photo page what to show.
 */
export function photoChangePolicy(viewer: Pick<Viewer, "role">, use: PhotoLiveUse): PhotoChangeDecision {
  if (!hasPermission(viewer.role, "media.edit")) return { allowed: false, reason: "Your role does not allow changing photos." };
  if (use.liveStories.length === 0 || hasPermission(viewer.role, "media.editLive")) return { allowed: true };
  const names = use.liveStories
    .slice(0, 3)
    .map((s) => quoted(s.headline))
    .join(", ");
  const more = use.liveStories.length > 3 ? ` and ${use.liveStories.length - 3} more` : "";
  const story = use.liveStories.length === 1 ? "a live story" : `${use.liveStories.length} live stories`;
  return {
    allowed: false,
    reason: `This photo is in ${story} (${names}${more}), so only an editor can change it: readers would see the change at once. Ask an editor, or upload a new photo for your draft.`,
  };
}

/** Throws `forbidden` with the policy's sentence unless `viewer` may change a photo in this use. */
export function assertMayChangePhoto(viewer: Pick<Viewer, "role">, use: PhotoLiveUse): void {
  const decision = photoChangePolicy(viewer, use);
  if (!decision.allowed) throw new AppError("forbidden", decision.reason);
}

/** The live stories that show photo `imageId`; read inside the write's transaction when one changes it. */
export async function photoLiveUse(imageId: string, client: Tx | typeof db = db): Promise<PhotoLiveUse> {
  const rows = await client.articleImage.findMany({
    where: livePlacementWhere(imageId),
    select: { article: { select: { id: true, headline: true } } },
    orderBy: { article: { publishedAt: "desc" } },
  });
  return { liveStories: [...new Map(rows.map((r) => [r.article.id, r.article])).values()] };
}
