import { purgeFrontCache } from "./front-cache";
import { env } from "../env";
import { log } from "../log";

/**
 * The one way a change reaches the HTTP caches in front of Dateline: the public pages carrying
 * any of `tags` (lib/cache/tags.ts names them; each page's surrogate keys, from
 * lib/cache/surrogate-keys.ts, are the same names) must not be served again. Adapters: the
 * in-process front cache of `npm start` (at once), each Varnish of DATELINE_PURGE_VARNISH (xkey),
 * and the HTTP purge endpoint of a CDN (DATELINE_PURGE_URL). The remote ones are sent in the
 * background: an editor's save never waits for, or fails with, a cache.
 */
export function purgeTags(tags: string[]) {
  if (tags.length === 0) return;
  purgeFrontCache(tags);
  const remote = configuredAdapters();
  if (remote.length === 0) return;
  for (const adapter of remote) send(adapter, tags);
  // A page whose render began before the change may reach a remote cache just after this purge
  // and be kept there with the old version (the front cache refuses such pages; Varnish cannot
  // tell). The same purge once more, a little later, drops it.
  track(
    new Promise<boolean>((resolve) =>
      setTimeout(
        () => void Promise.all(remote.map((adapter) => send(adapter, tags))).then((sent) => resolve(sent.every(Boolean))),
        REPURGE_AFTER_MS,
      ).unref(),
    ),
  );
}

/** How long after a change its purge is sent again (renders under way then have finished). */
export const REPURGE_AFTER_MS = 2000;

/** A cache that is told which tags to drop; throws when it did not confirm. */
export interface PurgeAdapter {
  name: string;
  purge(tags: string[], signal: AbortSignal): Promise<void>;
}

/** Keys per request, kept well under Varnish's default header limit (http_req_hdr_len, 8 KB) and CDNs' batch limits. */
function batches(tags: string[], maxChars = 4000, maxCount = 100): string[][] {
  const out: string[][] = [[]];
  let chars = 0;
  for (const tag of tags) {
    const current = out.at(-1)!;
    if (current.length > 0 && (chars + tag.length + 1 > maxChars || current.length >= maxCount)) {
      out.push([tag]);
      chars = tag.length;
    } else {
      current.push(tag);
      chars += tag.length + 1;
    }
  }
  return out;
}

async function confirm(response: Response, what: string) {
  // The body is read so the connection is reused; its text says why when it failed.
  const text = await response.text().catch(() => "");
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${text.slice(0, 200)}`);
}

/**
 * A Varnish running deploy/varnish/default.vcl: `PURGE /` with the keys in `xkey-purge`, from an
 * address its `purgers` ACL allows; it answers how many objects it dropped.
 */
export function varnishAdapter(base: string): PurgeAdapter {
  return {
    name: `varnish ${base}`,
    async purge(tags, signal) {
      for (const batch of batches(tags)) {
        await confirm(
          await fetch(new URL("/", base), { method: "PURGE", headers: { "xkey-purge": batch.join(" ") }, signal }),
          `Varnish ${base}`,
        );
      }
    },
  };
}

/** A CDN's (or a purge relay's) endpoint: POST `{ "tags": [...] }` as JSON, with a bearer token when one is set. */
export function httpPurgeAdapter(url: string, token?: string): PurgeAdapter {
  return {
    name: `purge endpoint ${new URL(url).origin}`,
    async purge(tags, signal) {
      for (const batch of batches(tags)) {
        const headers: Record<string, string> = {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        };
        await confirm(
          await fetch(url, { method: "POST", headers, body: JSON.stringify({ tags: batch }), signal }),
          `The purge endpoint ${new URL(url).origin}`,
        );
      }
    },
  };
}

/**
 * Another process's change, heard here (lib/cache/shared-expiry.ts) once this process's own caches
 * have dropped its tags: the remote caches are purged of them from here too. The process that made
 * the change purged them the moment it committed, but a cache in front that asked this process for
 * one of those pages before it heard of the change was given the old version, and keeps it; this
 * purge, sent once this process can no longer render the old version, drops it. So a change leaves
 * Varnish within the time the slowest process takes to hear of it, not at the origin's repeat
 * purge. Sent once (the origin's repeat covers renders still under way here).
 */
export function purgeRemoteAfterSharedExpiry(tags: string[]) {
  if (tags.length === 0) return;
  for (const adapter of configuredAdapters()) send(adapter, tags);
}

let adapters: PurgeAdapter[] | undefined;

/** Replaces the remote caches named in the environment (a test's stand-in server, an embedder's own list). */
export function configureRemoteCaches(list: PurgeAdapter[]) {
  adapters = list;
}

/** The remote caches named in the environment (lib/env.ts validates them). */
function configuredAdapters(): PurgeAdapter[] {
  return (adapters ??= [
    ...(env.DATELINE_PURGE_VARNISH ?? []).map(varnishAdapter),
    ...(env.DATELINE_PURGE_URL ? [httpPurgeAdapter(env.DATELINE_PURGE_URL, env.DATELINE_PURGE_TOKEN)] : []),
  ]);
}

export interface RetryOptions {
  /** Each attempt's limit. */
  timeoutMs?: number;
  /** Waits before the 2nd, 3rd… attempts; their count + 1 is the number of attempts. */
  backoffMs?: number[];
}

const inFlight = new Set<Promise<boolean>>();

/**
 * Sends a purge in the background, with a short timeout per attempt and a few retries with
 * backoff; a purge that still fails is logged, and the cache's copies live until their s-maxage
 * runs out. The retries live in this process's memory, so a restart in between loses them: a
 * durable job queue shared by every instance would carry them across restarts and crashes.
 */
export function send(
  adapter: PurgeAdapter,
  tags: string[],
  { timeoutMs = 2000, backoffMs = [250, 1000, 4000] }: RetryOptions = {},
): Promise<boolean> {
  const attempt = async (): Promise<boolean> => {
    for (let i = 0; ; i++) {
      try {
        await adapter.purge(tags, AbortSignal.timeout(timeoutMs));
        if (i > 0) log("info", "cache purge succeeded after retrying", { cache: adapter.name, attempts: i + 1 });
        return true;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (i >= backoffMs.length) {
          log("error", "cache purge failed", { cache: adapter.name, attempts: i + 1, keys: tags.length, reason });
          return false;
        }
        log("warn", "cache purge failed, retrying", { cache: adapter.name, attempt: i + 1, reason });
        await new Promise((resolve) => setTimeout(resolve, backoffMs[i]).unref());
      }
    }
  };
  return track(attempt());
}

function track(promise: Promise<boolean>) {
  inFlight.add(promise);
  void promise.finally(() => inFlight.delete(promise));
  return promise;
}

/** Resolves once every purge sent so far has succeeded or given up (tests, a graceful stop). */
export async function purgesSettled() {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}
