/** Names of the public cache entries that a change can expire (Next.js cache tags). */
export const tags = {
  front: "front",
  sections: "sections",
  feeds: "feeds",
  sitemaps: "sitemaps",
  /** Every public page: what only the settings change (the site's name, its time zone). No read is tagged with it. */
  site: "site",
  story: (slug: string) => `story:${slug}`,
  section: (slug: string) => `section:${slug}`,
  author: (slug: string) => `author:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
} as const;

/** How long a public cache entry may live before it is regenerated anyway (seconds). */
export const PUBLIC_REVALIDATE_SECONDS = 3600;

