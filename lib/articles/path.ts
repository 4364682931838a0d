/** A story's public address: /section-slug/story-slug ("news" for a story without a section). Safe in the browser. */
export function articlePath(article: { slug: string; section: { slug: string } | null }): string {
  return `/${article.section?.slug ?? "news"}/${article.slug}`;
}
