// @ts-check
import { fileURLToPath } from "node:url";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the server bundle and load from node_modules.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "sharp",
    "@node-rs/argon2",
    "@contentauth/c2pa-wasm",
  ],
  // DATELINE_OUTPUT=standalone npm run build: a self-contained server in .next/standalone (deploy/README.md).
  ...(process.env.DATELINE_OUTPUT === "standalone" ? { output: "standalone" } : {}),
  poweredByHeader: false,
  // The front cache (lib/cache/front-cache.ts) gzips what it serves; other responses are left to a
  // reverse proxy or CDN to compress, as in most deployments.
  compress: false,
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden() answers 403 with app/forbidden.tsx for pages a role may not use.
  // Next.js's cache of rendered pages and of our tagged reads (unstable_cache) lives in memory
  // only, in our handler: it refuses an entry once one of its tags expired, in this process or in
  // another one (the shared expiry table, lib/cache/shared-expiry.ts). Written to disk it cost a
  // render several file writes and outlived the process: a restored or reset database would have
  // been served from old entries after a restart.
  // A Server Action body may hold a 100,000-word story (2 MB) and its other fields: the same 3 MB as
  // ACTION_BODY_LIMIT in lib/security/body-limit.ts, which the proxy and the front server enforce.
  experimental: { authInterrupts: true, isrFlushToDisk: false, serverActions: { bodySizeLimit: "3mb" } },
  cacheHandler: fileURLToPath(new URL("./lib/cache/next-cache-handler.mjs", import.meta.url)),
  // The handler keeps its own (bounded) memory; Next's in front of it would not see other processes' expiries.
  cacheMaxMemorySize: 0,
  // An address no route has (a WordPress permalink such as /2024/05/12/slug/) is asked of the
  // imported sites' old addresses before it is a 404 (app/(public)/%5Fold, lib/import/redirects.ts).
  async rewrites() {
    return { beforeFiles: [], afterFiles: [], fallback: [{ source: "/:path+", destination: "/_old/:path+" }] };
  },
  async headers() {
    const secure = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
      ...(String(process.env.DATELINE_SITE_URL ?? "").startsWith("https://")
        ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]
        : []),
    ];
    // The admin and sign-in pages may never be framed (clickjacking).
    // Their Content-Security-Policy (proxy.ts) also says frame-ancestors 'none'.
    const noFraming = [{ key: "X-Frame-Options", value: "DENY" }];
    return [
      { source: "/:path*", headers: secure },
      { source: "/admin/:path*", headers: noFraming },
      { source: "/admin", headers: noFraming },
      { source: "/login", headers: noFraming },
    ];
  },
};

export default nextConfig;
