import { sweepReplacedFiles } from "./cleanup";
import { sweepOrphanFiles } from "./orphans";

/** The recurring background job (lib/jobs/runner.ts) that removes photo files nothing uses. */
export const PHOTO_SWEEP_JOB = "sweep-photo-files";
export const PHOTO_SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Replaced photos' files past their grace period, then files no photo uses (crashed uploads). */
export async function sweepPhotoFiles(now = new Date()) {
  const replaced = await sweepReplacedFiles(now);
  const orphans = await sweepOrphanFiles(now);
  return { replaced, ...orphans };
}
