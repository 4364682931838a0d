import { clearFrontCache } from "../front-cache";

/**
 * The one way a change reaches the HTTP caches in front of Dateline: the public pages carrying
 * any of `tags` (lib/cache-tags.ts names them; each page's surrogate keys are the same names)
 * must not be served again. Adapters: the in-process front cache of `npm start`, and (to come)
 * Varnish and a generic HTTP purge for a CDN.
 */
export function purgeTags(tags: string[]) {
  if (tags.length === 0) return;
  clearFrontCache();
}
