import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

type Env = Record<string, string | undefined>;

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.js",
  "proxy.ts",
  "instrumentation.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  // The servers, compiled by `npm run build` to .next/dateline/.
  "scripts/server.ts",
  "scripts/cluster.ts",
  "scripts/lib",
];

/**
 * The environment a production build bakes in: next.config.js's headers (HSTS when the site
 * address is https), the pages prerendered at build time (the site address and name), and any
 * NEXT_PUBLIC_ variable, which Next.js inlines into client code. A change to one needs a new build.
 */
export const BUILD_ENV = ["DATELINE_SITE_URL", "DATELINE_SITE_NAME"];

/** A fingerprint of everything a production build depends on (paths, sizes, mtimes, and BUILD_ENV's values). */
export function sourceFingerprint(root: string, env: Env = process.env): string {
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
  const names = [
    ...BUILD_ENV,
    ...Object.keys(env)
      .filter((name) => name.startsWith("NEXT_PUBLIC_"))
      .sort(),
  ];
  for (const name of names) hash.update(`env ${name}=${JSON.stringify(env[name] ?? null)}\n`);
  return hash.digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "dateline-source.sha256");

export function buildIsCurrent(root: string, env: Env = process.env): boolean {
  try {
    return (
      fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
      fs.existsSync(path.join(root, ".next", "dateline", "cluster.mjs")) &&
      fs.existsSync(path.join(root, ".next", "dateline", "server.mjs")) &&
      fs.readFileSync(stampFile(root), "utf8") === sourceFingerprint(root, env)
    );
  } catch {
    return false;
  }
}

export function writeBuildStamp(root: string, env: Env = process.env) {
  fs.writeFileSync(stampFile(root), sourceFingerprint(root, env));
}
