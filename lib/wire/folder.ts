import fs from "node:fs/promises";
import path from "node:path";
import { env } from "../env";
import { log } from "../log";
import { readFileInside } from "../security/folder-files";
import { hasAllowedScheme, WEB_SCHEMES } from "../security/urls";
import { parseWireDocument } from "./parse";
import { ingestWireItem, type IngestOutcome } from "./ingest";
import { MAX_WIRE_DOCUMENT_BYTES, type ParsedWireItem } from "./schema";
import { takeTurn } from "../ops/take-turn";

/**
 * The watched folder (DATELINE_WIRE_DIR): every ninjs (.json) and NewsML-G2 or RSS/Atom (.xml)
 * file dropped in it is read, its items stored, and the file moved to processed/ (or to failed/
 * with a .error.txt saying why). Photos the documents name by a relative path are read from the
 * folder and kept with the item; they move to processed/ with the document that named them.
 * Files still being written are left for the next scan: names starting with "." or ending in
 * .tmp/.part, and files changed in the last second (agencies write a temporary name, then rename).
 */
export type FolderScan = { files: number; items: IngestOutcome[]; failed: { file: string; error: string }[] };

const DOCUMENT = /\.(json|xml|ninjs)$/i;
const MAX_PHOTO_BYTES = () => env.DATELINE_MAX_UPLOAD_MB * 1_000_000;

// Every file access here is inside the operator's wire folder (DATELINE_WIRE_DIR), known only at
// run time: `turbopackIgnore` keeps the build's file tracing from copying the whole project into a
// standalone server for it.
async function moveInto(dir: string, sub: "processed" | "failed", file: string): Promise<string> {
  const day = new Date().toISOString().slice(0, 10);
  const target = path.join(/*turbopackIgnore: true*/ dir, sub, day);
  await fs.mkdir(/*turbopackIgnore: true*/ target, { recursive: true });
  let to = path.join(target, path.basename(file));
  // A file of the same name that came before keeps its place.
  if (await fs.stat(/*turbopackIgnore: true*/ to).catch(() => null))
    to = path.join(/*turbopackIgnore: true*/ target, `${Date.now()}-${path.basename(file)}`);
  await fs.rename(/*turbopackIgnore: true*/ file, /*turbopackIgnore: true*/ to);
  return to;
}

/** Reads the files a document's photos name relative to it (never outside the folder, nor through a link out of it). */
async function attachPhotoFiles(dir: string, items: ParsedWireItem[]): Promise<string[]> {
  const used: string[] = [];
  for (const item of items) {
    for (const photo of item.photos) {
      if (!photo.href || hasAllowedScheme(photo.href, WEB_SCHEMES)) continue;
      const found = await readFileInside(dir, photo.href.replace(/^file:\/\//, ""), { maxBytes: MAX_PHOTO_BYTES(), refuseHardLinks: true });
      if (!found) continue;
      photo.data = found.data;
      used.push(found.file);
    }
  }
  return used;
}

export async function scanWireFolder(dir = env.DATELINE_WIRE_DIR, now = Date.now()): Promise<FolderScan> {
  const scan: FolderScan = { files: 0, items: [], failed: [] };
  if (!dir) return scan;
  const root = path.resolve(/*turbopackIgnore: true*/ dir);
  const entries = await fs.readdir(/*turbopackIgnore: true*/ root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const photosUsed = new Set<string>();
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile() || !DOCUMENT.test(entry.name) || entry.name.startsWith(".") || /\.(tmp|part)$/i.test(entry.name)) continue;
    const file = path.join(/*turbopackIgnore: true*/ root, entry.name);
    const stat = await fs.stat(/*turbopackIgnore: true*/ file).catch(() => null);
    if (!stat || now - stat.mtimeMs < 1000) continue;
    scan.files++;
    try {
      if (stat.size > MAX_WIRE_DOCUMENT_BYTES) throw new Error(`The file is larger than ${MAX_WIRE_DOCUMENT_BYTES / 1_000_000} MB.`);
      const items = parseWireDocument(await fs.readFile(/*turbopackIgnore: true*/ file, "utf8"));
      for (const used of await attachPhotoFiles(root, items)) photosUsed.add(used);
      for (const item of items) {
        scan.items.push(await ingestWireItem(item, "folder"));
        await takeTurn();
      }
      await moveInto(root, "processed", file);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      scan.failed.push({ file: entry.name, error: message });
      log("warn", "a wire file could not be read", { file: entry.name, error: message });
      const moved = await moveInto(root, "failed", file).catch(() => null);
      if (moved) await fs.writeFile(/*turbopackIgnore: true*/ `${moved}.error.txt`, `${message}\n`).catch(() => {});
    }
  }
  for (const photo of photosUsed) await moveInto(root, "processed", photo).catch(() => {});
  return scan;
}
