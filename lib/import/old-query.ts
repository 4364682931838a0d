/**
 * WordPress's query addresses of the front page (`/?p=123`; `/?feed=rss2`, its feed), which
 * proxy.ts hands to the old-address lookup. The first key a query has names what it is.
 */
export const WORDPRESS_QUERY_KEYS = ["p", "page_id", "attachment_id", "cat", "tag", "author", "feed"] as const;
