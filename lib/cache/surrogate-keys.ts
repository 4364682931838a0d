import { tags } from "./tags";
import { publicCacheControl } from "./http-policy";

/**
 * The surrogate keys of the public page at `pathname`: the cache tags (lib/cache/tags.ts) of the
 * data it shows, so that purging the tags a change expires (lib/cache/invalidation.ts) reaches
 * exactly the cached copies that show the change, in the in-process front cache, Varnish (xkey)
 * and a CDN alike. Decided by address alone, the way caches see a page:
 *
 * - every page: `site` (the settings: site name, time zone, language) and `sections` (the masthead lists the sections);
 * - `/`: `front` (its lists read the front and each section's front, all tagged `front`);
 * - `/<section>`, `/<section>/p/<n>`: `section:<section>`;
 * - `/<section>/<slug>`: `story:<slug>`, and `section:<section>` for its related stories and kicker;
 * - `/authors/<slug>` (+ `/p/<n>`): `author:<slug>`; `/tags/<slug>` (+ `/p/<n>`): `tag:<slug>`;
 * - `/feed.xml`: `feeds`; `/<section>/feed.xml`: `feeds`, `section:<section>`;
 * - `/sitemap.xml`, `/sitemaps/*`, `/news-sitemap.xml`: `sitemaps`;
 * - `/photos/<id>/credentials`: `front`.
 *
 * An article's related list also takes stories sharing one of its tags from other sections; the
 * address does not name its tags, so such a list catches up when the copy expires (s-maxage).
 * Null for addresses no shared cache keeps (lib/cache/http-policy.ts).
 */
export function surrogateKeys(pathname: string): string[] | null {
  const path = pathname.split("?")[0]!;
  if (publicCacheControl(path) === null) return null;
  const base = [tags.site, tags.sections];
  const parts = path.split("/").filter(Boolean);
  if (parts.length === 0) return [...base, tags.front];
  if (path === "/feed.xml") return [tags.site, tags.feeds];
  if (path === "/sitemap.xml" || path === "/news-sitemap.xml" || parts[0] === "sitemaps") return [tags.site, tags.sitemaps];
  if (path === "/robots.txt") return [tags.site];
  const [first, second] = parts;
  const listPage = (n: number) => parts.length === n || (parts.length === n + 2 && parts[n] === "p");
  // A published photo's Content Credentials view (issue 19): expired with `front` (lib/cache/public-data.ts).
  if (first === "photos" && parts.length === 3 && parts[2] === "credentials") return [...base, tags.front];
  if (first === "authors" && second && listPage(2)) return [...base, tags.author(second)];
  if (first === "tags" && second && listPage(2)) return [...base, tags.tag(second)];
  if (parts.length === 2 && second === "feed.xml") return [tags.site, tags.feeds, tags.section(first!)];
  if (listPage(1)) return [...base, tags.section(first!)];
  if (parts.length === 2 && second) return [...base, tags.story(second), tags.section(first!)];
  return base;
}

/** The headers that carry a page's keys: `Surrogate-Key` (Fastly, Varnish xkey) and `Cache-Tag` (Cloudflare). */
export function surrogateKeyHeaders(pathname: string): Record<string, string> {
  const keys = surrogateKeys(pathname);
  if (!keys) return {};
  return { "surrogate-key": keys.join(" "), "cache-tag": keys.join(",") };
}
