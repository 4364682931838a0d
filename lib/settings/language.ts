import { z } from "zod";

// The language the newsroom's stories are written in (a BCP 47 tag). No server-only imports: the
// settings form names the language as the admin types it.

/** Until an admin chooses one, stories are declared English. */
export const DEFAULT_LANGUAGE = "en";

export const LANGUAGE_MESSAGE = "Enter a language tag such as en, nb or es-MX.";

/** The languages the settings form suggests; any other valid tag is accepted too. */
export const COMMON_LANGUAGES = [
  "ar",
  "ca",
  "cs",
  "cy",
  "da",
  "de",
  "el",
  "en",
  "en-GB",
  "en-US",
  "es",
  "es-MX",
  "fa",
  "fi",
  "fr",
  "he",
  "hi",
  "hu",
  "id",
  "is",
  "it",
  "ja",
  "ko",
  "nb",
  "nl",
  "nn",
  "pl",
  "pt",
  "pt-BR",
  "ro",
  "ru",
  "se",
  "sv",
  "sw",
  "tr",
  "uk",
  "ur",
  "vi",
  "zh-Hans",
  "zh-Hant",
] as const;

/** The canonical form of a BCP 47 language tag ("nb-no" → "nb-NO", "iw" → "he"), or null when it is not one. */
export function canonicalLanguage(tag: string): string | null {
  const trimmed = tag.trim();
  // RFC 5646 §4.4.1: 35 characters hold any tag a newsroom would declare.
  if (!trimmed || trimmed.length > 35) return null;
  try {
    const canonical = Intl.getCanonicalLocales(trimmed)[0];
    // "und" (undetermined) and a tag without a language ("und-NO") declare nothing. A language
    // subtag of five to eight letters is well-formed, but none is registered: "Welsh" or "German"
    // typed as a name is refused, not declared as the language "welsh".
    const language = canonical ? new Intl.Locale(canonical).language : undefined;
    return language && language !== "und" && language.length <= 3 ? canonical! : null;
  } catch {
    return null;
  }
}

/** A language field as the server takes it: a tag, stored canonical ("nb-no" is saved as nb-NO), refused with LANGUAGE_MESSAGE. */
export const languageTagSchema = z.string().transform((tag, ctx) => {
  const canonical = canonicalLanguage(tag);
  if (canonical === null) ctx.addIssue({ code: "custom", message: LANGUAGE_MESSAGE });
  return canonical ?? z.NEVER;
});

export type LanguageOption = { tag: string; name: string };

/** The common languages with their names, for a language field's list (named on the server: the first render names them as the browser will). */
export function languageOptions(): LanguageOption[] {
  return COMMON_LANGUAGES.map((tag) => ({ tag, name: languageName(tag) ?? tag }));
}

/** A tag and its name as a language field shows them (worked out on the server, so the first render names it as the browser will); "" for none. */
export function namedLanguage(tag: string): { tag: string; name: string | null } {
  const canonical = canonicalLanguage(tag);
  return canonical ? { tag: canonical, name: languageName(canonical) } : { tag: "", name: null };
}

/** The language's name in English ("Norwegian Bokmål (Norway)"), or null for a tag this runtime has no name for. */
export function languageName(tag: string): string | null {
  const canonical = canonicalLanguage(tag);
  if (!canonical) return null;
  return new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }).of(canonical) ?? null;
}

/**
 * The language (a tag as the settings hold it: canonicalLanguage's) as a Google News sitemap names it: an ISO 639 code ("nb", not "nb-NO"), except
 * Chinese, which is zh-cn (Simplified) or zh-tw (Traditional), told apart by the tag's script
 * (zh-HK and zh-Hant are Traditional; zh, zh-SG and zh-Hans Simplified).
 */
export function newsSitemapLanguage(tag: string): string {
  const locale = new Intl.Locale(tag);
  if (locale.language !== "zh") return locale.language;
  return locale.maximize().script === "Hant" ? "zh-tw" : "zh-cn";
}

/**
 * The language (a tag as the settings hold it) as Open Graph's og:locale names it: language_TERRITORY, the territory the likeliest
 * for a tag without one ("nb" is nb_NO, "en" en_US, "es-MX" es_MX, "es-419" es_ES).
 */
export function openGraphLocale(tag: string): string {
  let locale = new Intl.Locale(tag).maximize();
  // A region by number (es-419, Latin America) is none Open Graph takes: the language's likeliest.
  if (/^\d+$/.test(locale.region ?? "")) locale = new Intl.Locale(locale.language).maximize();
  return locale.region ? `${locale.language}_${locale.region}` : locale.language;
}
