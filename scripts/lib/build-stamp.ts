import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "package-lock.json", "tsconfig.json"];

/** A fingerprint of everything a production build depends on (paths, sizes, mtimes). */
export function sourceFingerprint(root: string): string {
  const hash = crypto.createHash("sha256");
  const walk = (p: string) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) walk(path.join(p, name));
    } else {
      hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  SOURCES.forEach(walk);
  return hash.digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "dateline-source.sha256");

export function buildIsCurrent(root: string): boolean {
  try {
    return fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.readFileSync(stampFile(root), "utf8") === sourceFingerprint(root);
  } catch {
    return false;
  }
}

export function writeBuildStamp(root: string) {
  fs.writeFileSync(stampFile(root), sourceFingerprint(root));
}
