import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { PageResponse } from "./public-article";

/**
 * The site's one stylesheet (app/globals.css), served at an address named by its content hash
 * (/assets/site.<hash>.css) so browsers and CDNs keep it for a year. Next's pages and the
 * article pages rendered by lib/public-article.tsx link the same file, so a reader downloads it
 * once for the whole site. Read once in production; on every call in development, so edits show.
 */
type Stylesheet = { href: string; css: Buffer; gzip: Buffer };
let loaded: Stylesheet | undefined;

export function stylesheet(): Stylesheet {
  if (loaded && process.env.NODE_ENV === "production") return loaded;
  const css = fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), "app", "globals.css"));
  if (loaded?.css.equals(css)) return loaded;
  const hash = crypto.createHash("sha256").update(css).digest("hex").slice(0, 12);
  return (loaded = { href: `/assets/site.${hash}.css`, css, gzip: zlib.gzipSync(css, { level: 9 }) });
}

/**
 * The answer for /assets/<file>: the stylesheet at its hashed address, kept for a year. A page
 * cached before a deploy may still ask for an older hash: it gets today's sheet, kept for a
 * minute only. Gzipped when asked by scripts/server.ts (Next.js drops a route's Content-Encoding).
 */
export function stylesheetResponse(file: string, { gzip = false } = {}): PageResponse {
  if (!/^site\.[0-9a-f]{12}\.css$/.test(file)) return { status: 404, headers: { "content-type": "text/plain; charset=utf-8" }, body: "Not found" };
  const sheet = stylesheet();
  return {
    status: 200,
    headers: {
      "content-type": "text/css; charset=utf-8",
      "cache-control": `/assets/${file}` === sheet.href ? "public, max-age=31536000, immutable" : "public, max-age=60",
      vary: "Accept-Encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    },
    body: gzip ? sheet.gzip : sheet.css,
  };
}
