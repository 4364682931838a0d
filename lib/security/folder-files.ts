import { constants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

// Files named by what someone else wrote (a wire document's photo, a WordPress export's upload, a
// zip's entry), read from a folder the server was given. Every access here is inside that folder,
// known only at run time: `turbopackIgnore` keeps the build's file tracing from copying the
// project into a standalone server for it.

/** A path inside `root`, or null for one that would leave it (`../../etc/passwd`, absolute paths). Spelling only: see readFileInside. */
export function insideFolder(root: string, relative: string): string | null {
  const resolved = path.resolve(/*turbopackIgnore: true*/ root, relative);
  const base = path.resolve(/*turbopackIgnore: true*/ root) + path.sep;
  return resolved.startsWith(base) ? resolved : null;
}

/**
 * Reads a regular file inside `root` of at most `maxBytes`, or null. Whoever can write to the
 * folder (an agency delivering to the watched wire folder) must not reach the server's other files:
 * a path that leaves the folder, a symbolic link (the file itself is opened without following
 * one), a linked folder on the way out and anything but a regular file (a device such as
 * /dev/zero) are refused, and with `refuseHardLinks` a file with more than one name (a hard link
 * may name a file elsewhere; Linux's protected_hardlinks keeps a stranger from making one to a file
 * they cannot read, but a folder someone else writes to gets no benefit of the doubt). What is checked is the file
 * that was opened, and what is read is that same open file, so a link swapped in between the check
 * and the read gains nothing.
 */
export async function readFileInside(
  root: string,
  relative: string,
  { maxBytes, refuseHardLinks = false }: { maxBytes: number; refuseHardLinks?: boolean },
): Promise<{ file: string; data: Buffer } | null> {
  const file = insideFolder(root, relative);
  if (!file) return null;
  const handle = await fs
    .open(/*turbopackIgnore: true*/ file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
    .catch(() => null);
  if (!handle) return null;
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > maxBytes || (refuseHardLinks && stat.nlink !== 1)) return null;
    // Where the open file really is (a folder on the way may have been a link): Linux names it in /proc.
    const [realRoot, opened] = await Promise.all([
      fs.realpath(/*turbopackIgnore: true*/ root),
      fs.readlink(`/proc/self/fd/${handle.fd}`).catch(() => fs.realpath(/*turbopackIgnore: true*/ file)),
    ]);
    if (!opened.startsWith(realRoot + path.sep)) return null;
    const data = await handle.readFile();
    return data.length > maxBytes ? null : { file, data };
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
