import { canonicalLanguage } from "../settings/language";

/**
 * The language a story is written in: its own (a bilingual newsroom's Welsh story on an English
 * site), else the site's (a setting). Every place that declares a story's language asks this: the
 * page's `lang`, inLanguage, og:locale, its card, its feed item, the news sitemap and the API.
 * A stored tag this runtime no longer takes is ignored, as the settings' is (lib/settings/queries.ts).
 */
export function storyLanguage(story: { language: string | null }, site: { language: string }): string {
  return (story.language && canonicalLanguage(story.language)) || site.language;
}

/** The story's language when it is not the one around it (a list's, a feed's), for a `lang` of its own; else undefined. */
export function ownLanguage(story: { language: string | null }, around: string): string | undefined {
  const language = storyLanguage(story, { language: around });
  return language === around ? undefined : language;
}

/**
 * The language an incoming text declares (a wire item's), as its story's own: the canonical tag
 * when the text is in another language than the site's, else null. Another region is the same
 * language (an agency's "en" is an en-GB newsroom's English), another script is not (zh-Hant on a
 * zh-Hans site); a tag that is no language tag declares nothing.
 */
export function incomingLanguage(tag: string, site: string): string | null {
  const canonical = canonicalLanguage(tag);
  if (!canonical) return null;
  const [text, ours] = [new Intl.Locale(canonical).maximize(), new Intl.Locale(site).maximize()];
  const language = (locale: Intl.Locale) => SAME_LANGUAGE[locale.language] ?? locale.language;
  return language(text) === language(ours) && text.script === ours.script ? null : canonical;
}

/** Tags for one written language: Norwegian ("no", as NTB and many feeds send it) is written Bokmål ("nb") unless it says Nynorsk. */
const SAME_LANGUAGE: Record<string, string> = { no: "nb" };
