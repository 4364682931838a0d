/** WordPress's query addresses of the front page (`/?p=123`), which proxy.ts hands to the old-address lookup. */
export const WORDPRESS_QUERY_KEYS = ["p", "page_id", "attachment_id", "cat", "tag", "author"] as const;
