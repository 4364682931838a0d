import { tags } from "../cache/tags";

/** The surrogate keys of a story's API answer: what purges its page purges it, and the settings (it carries the stories' language). */
export function storyKeys(story: { slug: string; section: { slug: string } | null }): string[] {
  return [tags.story(story.slug), ...(story.section ? [tags.section(story.section.slug)] : []), tags.site];
}
