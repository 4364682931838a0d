/** Whether any of `tags` expired after `since` (ms since the epoch). */
export function expiredSince(tags: Iterable<string>, since: number): boolean;
/** Records that `tags` expired at `at` (default now). */
export function expireTags(tags: Iterable<string>, at?: number): void;
export default class DatelineCacheHandler {
  get(key: string, ctx?: { tags?: string[]; softTags?: string[] }): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, value: unknown, ctx?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
