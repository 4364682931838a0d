/**
 * WordPress's query addresses of the front page (`/?p=123`, `/?cat=5`; `/?feed=rss2`, a feed of
 * the site or, beside `cat`, of a category), which proxy.ts hands to the old-address lookup
 * (lib/import/redirects.ts normalizeOldPath).
 */
export const WORDPRESS_QUERY_KEYS = ["p", "page_id", "attachment_id", "cat", "tag", "author", "feed"] as const;
