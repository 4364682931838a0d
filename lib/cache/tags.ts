/** Names of the public cache entries that a change can expire (Next.js cache tags). */
export const tags = {
  front: "front",
  /** Everything that shows the site's settings (name, time zone, language): the settings read, every public page, feed and sitemap, and the content API's stories. */
  site: "site",
  sections: "sections",
  feeds: "feeds",
  sitemaps: "sitemaps",
  story: (slug: string) => `story:${slug}`,
  section: (slug: string) => `section:${slug}`,
  author: (slug: string) => `author:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
} as const;

/** How long a public cache entry may live before it is regenerated anyway (seconds). */
export const PUBLIC_REVALIDATE_SECONDS = 3600;
