import { slugify } from "./slug";

/**
 * Text `slugify` would spell differently from the server's `slugifyAnyScript`: anything outside
 * ASCII once accents are taken off (Cyrillic, Arabic, ß, ł, but also €, °, ✓, ‘ and „), apart from
 * the dashes, ’ “ ” and … of ordinary English, which both spell alike; and the spacing accents
 * (´ ¨ ¯ ¸ ˘ ˙ ˚ ˛ ˜ ˝), which take a space apart only under `slugify` ("Don´t").
 */
export function needsTable(text: string): boolean {
  return (
    /[\u00a8\u00af\u00b4\u00b8\u02d8-\u02dd]/.test(text) ||
    /[^\x00-\x7f\u2010-\u2015\u2019\u201c\u201d\u2026]/.test(text.normalize("NFKD").replace(/[\u0300-\u036f]/g, ""))
  );
}

type AnyScript = typeof import("./slug-any-script");
let loaded: AnyScript | undefined;

/**
 * The address a desk form proposes for a name as it is typed: the same slug the server would make
 * (`slugifyAnyScript`). Its table is a chunk of its own, loaded on first use, so that names in
 * English (or French) never load it: until it has loaded, `slugify` answers at once and `then`
 * gets the server's slug a moment later; after that, every answer is the server's, at once (a
 * Cyrillic headline's slug no longer flickers between the two at each keystroke).
 */
export function slugifyTyped(text: string, then: (slug: string) => void): string {
  if (!needsTable(text)) return slugify(text);
  if (loaded) return loaded.slugifyAnyScript(text);
  void import("./slug-any-script").then(
    (module) => {
      loaded = module;
      then(module.slugifyAnyScript(text));
    },
    () => undefined, // a chunk that fails to load leaves the ASCII slug, which the editor can still type over
  );
  return slugify(text);
}
