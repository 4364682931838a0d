// Next.js's data cache for `npm start` (next.config.js `cacheHandler`): the entries of this
// process's unstable_cache reads (and any cached page) in memory, bounded, refused once any of
// their tags expired after they were stored. Expiries come from this process's revalidateTag and
// updateTag, and from other processes through the shared table polled by lib/cache/shared-expiry.ts;
// both write the one map of tag → expiry time below, kept on globalThis so that the copy Next.js
// loads and the copy in the app's bundles share it.

/** @type {Map<string, number>} tag → when it last expired (ms since the epoch) */
const expiries = (globalThis[Symbol.for("dateline.tagExpiries")] ??= new Map());

/** @typedef {{ value: any, tags: string[], lastModified: number, size: number }} Entry */
/** @type {{ entries: Map<string, Entry>, bytes: number }} */
const store = (globalThis[Symbol.for("dateline.nextDataCache")] ??= { entries: new Map(), bytes: 0 });

const MAX_BYTES = Number(process.env.DATELINE_NEXT_CACHE_BYTES) || 128 * 1024 * 1024;
const MAX_ENTRIES = 20_000;
const TAGS_HEADER = "x-next-cache-tags";
/** Longer than any read that fills an entry takes (a write waits at most 5 s, a read far less). */
const READ_MARGIN_MS = 1000;

/** Whether any of `tags` expired after `since`. */
export function expiredSince(tags, since) {
  for (const tag of tags) {
    const at = expiries.get(tag);
    if (at !== undefined && at >= since) return true;
  }
  return false;
}

/** Records that `tags` expired at `at` (an earlier time never replaces a later one). */
export function expireTags(tags, at = Date.now()) {
  for (const tag of tags) if (!(expiries.get(tag) >= at)) expiries.set(tag, at);
}

function sizeOf(value) {
  if (!value) return 64;
  if (value.kind === "FETCH") return (value.data?.body?.length ?? 0) * 2 + 256;
  return (value.html?.length ?? 0) + (value.rscData?.length ?? 0) + (value.body?.length ?? 0) + 1024;
}

function tagsOf(value, ctx) {
  const own = typeof value?.headers?.[TAGS_HEADER] === "string" ? value.headers[TAGS_HEADER].split(",") : [];
  return [...own, ...(ctx?.tags ?? [])];
}

function remove(key) {
  const entry = store.entries.get(key);
  if (!entry) return;
  store.entries.delete(key);
  store.bytes -= entry.size;
}

export default class DatelineCacheHandler {
  // Next.js makes one per request; the store is the process's.
  constructor() {}

  async get(key, ctx) {
    const entry = store.entries.get(key);
    if (!entry) return null;
    // The entry's own tags, and those of this read (the page's implicit tags among them).
    if (
      expiredSince(entry.tags, entry.lastModified) ||
      expiredSince([...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])], entry.lastModified)
    ) {
      remove(key);
      return null;
    }
    // Most recently used last: the oldest go first when the store is full.
    store.entries.delete(key);
    store.entries.set(key, entry);
    return { lastModified: entry.lastModified, value: entry.value };
  }

  async set(key, value, ctx) {
    remove(key);
    // Dated a little before now: the read that made `value` began before this call, and a tag
    // that expired while it ran must still refuse it (else a read racing a save would keep the old
    // data until the next change or the hour's revalidation).
    const entry = { value, tags: tagsOf(value, ctx), lastModified: Date.now() - READ_MARGIN_MS, size: sizeOf(value) };
    store.entries.set(key, entry);
    store.bytes += entry.size;
    while (store.entries.size > MAX_ENTRIES || (store.bytes > MAX_BYTES && store.entries.size > 0))
      remove(store.entries.keys().next().value);
  }

  /**
   * revalidateTag, updateTag and revalidatePath of this process, applied when their request ends.
   * The shared table is written by lib/cache/invalidation.ts's expireAll when the change is made
   * (every public change goes through it), so other processes learn of it without waiting for this.
   */
  async revalidateTag(tags) {
    expireTags(typeof tags === "string" ? [tags] : tags);
  }

  resetRequestCache() {}
}
