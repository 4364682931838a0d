import { db } from "../db";
import { NotificationKind } from "../generated/prisma/enums";
import { formatDateOnly } from "../format/time";
import { quoted } from "../format/text";
import { log } from "../log";
import { enqueue } from "../jobs/queue";
import type { JobHandler } from "../jobs/runner";
import { notifyWorkflow } from "../notifications/fanout";
import { photoUse } from "./policy";
import { creditLine } from "./schema";
import { licenseDateToday, licenseRunsOutAt } from "./license";
import { readSiteSettings } from "../settings/queries";
import { takeTurn } from "../ops/take-turn";

/**
 * The background job (lib/jobs/runner.ts) that tells editors of live photos whose license has run
 * out: one at each expiry date set in the library (on time), and a recurring hourly one for dates
 * that came another way (an upload's or an import's).
 */
export const LICENSE_EXPIRY_JOB = "photo-license-expiry";
export const LICENSE_EXPIRY_EVERY_MS = 60 * 60 * 1000;

/** Runs the notice when the license of photo `imageId` expires (a date set in the library). */
export async function watchLicenseExpiry(imageId: string, expiresAt: Date): Promise<void> {
  // A second after the license runs out: the end of its date in the newsroom's zone (lib/media/license.ts).
  // A zone changed in the settings later is caught by the hourly run.
  const { timeZone } = await readSiteSettings();
  const runAt = new Date(licenseRunsOutAt(expiresAt, timeZone).getTime() + 1000);
  await enqueue(LICENSE_EXPIRY_JOB, `${imageId}@${expiresAt.toISOString()}`, { runAt });
}

/** The job's handler: the recurring run comes back in an hour; one set for a date is done. */
export const licenseExpiryJobs: Record<string, JobHandler> = {
  [LICENSE_EXPIRY_JOB]: async ({ key }) => {
    // A date's own photo first, however many older ones are due.
    await noticeExpiredLicenses(new Date(), key === "recurring" ? undefined : key.split("@")[0]);
    return key === "recurring" ? { again: new Date(Date.now() + LICENSE_EXPIRY_EVERY_MS) } : undefined;
  },
};

/** Photos looked at in one run; the next run takes the rest. */
const BATCH = 100;

/**
 * Tells the editors of each live story showing a photo whose license expiry date has passed, once
 * per expiry date (a new date, set in the library, is watched again): nothing takes the photo off
 * the page by itself (an editor chooses another, or takes it out), but nobody is left unaware.
 * Each photo is claimed in its own transaction, so two processes never tell twice.
 */
export async function noticeExpiredLicenses(now = new Date(), first?: string): Promise<{ photos: number; stories: number }> {
  // Expired: a date before today's in the newsroom's zone (lib/media/license.ts, as the publish check has it).
  const expiredBefore = licenseDateToday(now, (await readSiteSettings()).timeZone);
  const oldest = await db.image.findMany({
    where: { licenseExpiresAt: { lt: expiredBefore }, licenseExpiryNoticeAt: null },
    select: { id: true },
    orderBy: { licenseExpiresAt: "asc" },
    take: BATCH,
  });
  const due = first ? [{ id: first }, ...oldest.filter((i) => i.id !== first)] : oldest;
  let photos = 0;
  let stories = 0;
  for (const { id } of due) {
    await takeTurn();
    stories += await db.$transaction(async (tx) => {
      const image = await tx.image.findUnique({
        where: { id },
        select: {
          credit: true,
          agency: true,
          creditLine: true,
          originalFilename: true,
          license: true,
          licenseExpiresAt: true,
          updatedAt: true,
        },
      });
      if (!image) return 0;
      // The notice is no change to the photo: its updatedAt stays (a WordPress re-import reads it as the desk's).
      const claimed = await tx.image.updateMany({
        where: { id, licenseExpiryNoticeAt: null, licenseExpiresAt: { lt: expiredBefore } },
        data: { licenseExpiryNoticeAt: now, updatedAt: image.updatedAt },
      });
      if (claimed.count === 0) return 0;
      photos += 1;
      const credit = creditLine(image.credit, image.agency, image.creditLine);
      const name = credit ? `credited ${quoted(credit)}` : image.originalFilename ? quoted(image.originalFilename) : "with no credit";
      const note =
        `The license${image.license ? ` (${image.license})` : ""} of the photo ${name} ran out at the end of ` +
        `${formatDateOnly(image.licenseExpiresAt!)}, and this live story still shows it. Replace the photo or take it out, ` +
        `or set a new expiry date in the photo library if the license was renewed.`;
      const { liveStories } = await photoUse(id, tx);
      for (const story of liveStories) {
        await notifyWorkflow(tx, { articleId: story.id, kind: NotificationKind.PHOTO_LICENSE_EXPIRED, actor: null, note });
      }
      return liveStories.length;
    });
  }
  if (photos) log("info", "photo licenses expired", { photos, stories });
  return { photos, stories };
}
