import fs from "node:fs";
import path from "node:path";

/**
 * The checkout's root: the nearest folder above `from` holding next.config.js (.next/ holds a
 * package.json of its own). The servers run from their compiled copies in .next/dateline/
 * (`npm run build`) or, in development, from scripts/.
 */
export function checkoutRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "next.config.js"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No next.config.js above ${from}`);
  }
}
