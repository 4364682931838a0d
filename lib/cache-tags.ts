/** Names of the public cache entries that a change can expire (Next.js cache tags). */
export const tags = {
  front: "front",
  sections: "sections",
  feeds: "feeds",
  sitemaps: "sitemaps",
  /** The newsroom's settings: each process holds them in memory (lib/settings.ts) and reloads them when this expires. */
  settings: "settings",
  story: (slug: string) => `story:${slug}`,
  section: (slug: string) => `section:${slug}`,
  author: (slug: string) => `author:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
} as const;

/** How long a public cache entry may live before it is regenerated anyway (seconds). */
export const PUBLIC_REVALIDATE_SECONDS = 3600;

