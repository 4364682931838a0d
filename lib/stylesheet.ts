import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The site's one stylesheet (app/globals.css), served at an address named by its content hash
 * (/assets/site.<hash>.css) so browsers and CDNs keep it for a year. Next's pages and the
 * article pages rendered by lib/public-article.tsx link the same file, so a reader downloads it
 * once for the whole site. Read once in production; on every call in development, so edits show.
 */
type Stylesheet = { href: string; css: Buffer };
let loaded: Stylesheet | undefined;

export function stylesheet(): Stylesheet {
  if (loaded && process.env.NODE_ENV === "production") return loaded;
  const css = fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), "app", "globals.css"));
  if (loaded?.css.equals(css)) return loaded;
  const hash = crypto.createHash("sha256").update(css).digest("hex").slice(0, 12);
  return (loaded = { href: `/assets/site.${hash}.css`, css });
}
