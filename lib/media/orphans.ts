import { db } from "../db";
import { log } from "../log";
import { REPLACED_FILES_KEPT_MS } from "./cleanup";
import { WARC_KEY } from "./keys";
import { mediaStore, type MediaStore } from "./store";

/**
 * How old a file must be before the sweep may count it as an orphan. An upload writes its files
 * first and records the photo after (so a row only ever names files that exist); its files have
 * no row for the seconds in between, and a sweep must not take them.
 */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

export type OrphanSweep = { removedFiles: number; removedPhotos: number; incomplete: number };

/**
 * Removes stored files that no photo uses: what an upload left when its process died between
 * writing the files and recording the photo, or when removing a refused upload's files failed.
 * Files of a photo replaced less than REPLACED_FILES_KEPT_MS ago are kept (sweepReplacedFiles
 * removes them after that), and so is every file younger than ORPHAN_MIN_AGE_MS. Also removes
 * what interrupted writes left aside (temporary files on disk). Safe to run anywhere, any number
 * of times: it reads the list from the store and the uses from the database.
 */
export async function sweepOrphanFiles(now = new Date(), store: MediaStore = mediaStore): Promise<OrphanSweep> {
  const cutoff = new Date(now.getTime() - ORPHAN_MIN_AGE_MS);
  const incomplete = await store.sweepIncomplete(cutoff);

  // A photo's files (original and variants) share its hash; a photo with any recent file is left whole.
  const groups = new Map<string, { keys: string[]; recent: boolean }>();
  for await (const file of store.list()) {
    // Source captures' WARC records are no photo's files: they live as long as their SourceCapture row.
    if (WARC_KEY.test(file.key)) continue;
    const sha256 = file.key.slice(0, 64);
    const group = groups.get(sha256) ?? { keys: [], recent: false };
    group.keys.push(file.key);
    if (file.modifiedAt >= cutoff) group.recent = true;
    groups.set(sha256, group);
  }
  const candidates = [...groups].filter(([, g]) => !g.recent).map(([sha256]) => sha256);

  const used = new Set<string>();
  for (let i = 0; i < candidates.length; i += 500) {
    const rows = await db.image.findMany({ where: { sha256: { in: candidates.slice(i, i + 500) } }, select: { sha256: true } });
    for (const row of rows) used.add(row.sha256);
  }
  const replacedLately = await db.auditEvent.findMany({
    where: { action: "image.replace", entityType: "Image", createdAt: { gt: new Date(now.getTime() - REPLACED_FILES_KEPT_MS) } },
    select: { data: true },
  });
  for (const { data } of replacedLately) {
    const from = (data as { from?: unknown } | null)?.from;
    if (typeof from === "string") used.add(from);
  }

  let removedFiles = 0;
  let removedPhotos = 0;
  for (const sha256 of candidates) {
    if (used.has(sha256)) continue;
    const { keys } = groups.get(sha256)!;
    // Originals last: a sweep cut short leaves a set that the next one still finds whole.
    keys.sort((a, b) => Number(b.includes("-w")) - Number(a.includes("-w")));
    for (const key of keys) {
      await store.remove(key);
      removedFiles++;
    }
    removedPhotos++;
  }
  if (removedFiles || incomplete) log("info", "swept photo files no photo uses", { removedFiles, removedPhotos, incomplete });
  return { removedFiles, removedPhotos, incomplete };
}
