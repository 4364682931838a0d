import fs from "node:fs/promises";
import path from "node:path";

// Files named by what someone else wrote (a wire document's photo, a WordPress export's upload, a
// zip's entry), read from a folder the server was given. Every access here is inside that folder,
// known only at run time: `turbopackIgnore` keeps the build's file tracing from copying the
// project into a standalone server for it.

/** A path inside `root`, or null for one that would leave it (`../../etc/passwd`, absolute paths). Spelling only: see realFileInside. */
export function insideFolder(root: string, relative: string): string | null {
  const resolved = path.resolve(/*turbopackIgnore: true*/ root, relative);
  const base = path.resolve(/*turbopackIgnore: true*/ root) + path.sep;
  return resolved.startsWith(base) ? resolved : null;
}

/**
 * A regular file inside `root` that is really there: null for a path that would leave the folder,
 * and for a symbolic link (or a linked folder on the way) that leads out of it. Whoever can write
 * to the folder (an agency delivering to the watched wire folder) must not reach the server's
 * other files by linking to them (`secret.jpg -> /etc/passwd`).
 */
export async function realFileInside(root: string, relative: string): Promise<{ file: string; size: number } | null> {
  const file = insideFolder(root, relative);
  if (!file) return null;
  const [realRoot, real] = await Promise.all([
    fs.realpath(/*turbopackIgnore: true*/ root),
    fs.realpath(/*turbopackIgnore: true*/ file),
  ]).catch(() => [null, null]);
  if (!realRoot || !real || !real.startsWith(realRoot + path.sep)) return null;
  const stat = await fs.stat(/*turbopackIgnore: true*/ real).catch(() => null);
  return stat?.isFile() ? { file, size: stat.size } : null;
}
