import { AsyncLocalStorage } from "node:async_hooks";

/** What the logs say about the request being handled: its id, and the signed-in user once known. */
export interface RequestContext {
  requestId: string;
  userId?: string;
  /** Set when this request expired public cache tags: the front cache is emptied again once it has finished. */
  expiredPublicPages?: boolean;
}

const state = globalThis as unknown as { datelineRequestContext?: AsyncLocalStorage<RequestContext> };

/** One store per process, shared by scripts/server.ts and the Next.js bundles it loads. */
export const requestContext = (state.datelineRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** An upstream X-Request-Id is kept when it is a plain token; anything else gets a fresh id. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{8,128}$/.test(value) ? value : crypto.randomUUID();
}

/** Records the signed-in user on the current request's log context. */
export function noteUser(userId: string) {
  const store = requestContext.getStore();
  if (store) store.userId = userId;
}

const hooks = globalThis as unknown as {
  datelinePublicExpiry?: (context: RequestContext) => void;
  datelineExpiredTags?: WeakMap<RequestContext, Set<string>>;
};
// Beside the context rather than on it: log lines carry the context's fields.
const expiredTags = (hooks.datelineExpiredTags ??= new WeakMap());

/** The public cache tags a request expired (lib/cache/invalidation.ts), once it has. */
export function expiredTagsOf(context: RequestContext): string[] {
  return [...(expiredTags.get(context) ?? [])];
}

/** Lets the server in front learn, the moment it happens, that a request expired public pages. */
export function onPublicExpiry(listener: (context: RequestContext) => void) {
  hooks.datelinePublicExpiry = listener;
}

/** Notes that the current request expired public pages, and which tags (see RequestContext.expiredPublicPages). */
export function noteExpiredPublicPages(tags: string[] = []) {
  const store = requestContext.getStore();
  if (!store) return;
  const noted = expiredTags.get(store) ?? new Set<string>();
  for (const tag of tags) noted.add(tag);
  expiredTags.set(store, noted);
  if (store.expiredPublicPages) return;
  store.expiredPublicPages = true;
  hooks.datelinePublicExpiry?.(store);
}
