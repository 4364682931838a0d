import { slugify } from "./slug";

/** A letter `slugify` would drop: anything but a-z once accents are taken off (Cyrillic, Arabic, ß, ł…). */
const needsTable = (text: string) => /\p{L}/u.test(text.normalize("NFKD").replace(/[a-zA-Z\u0300-\u036f]/g, ""));

/**
 * The address a desk form proposes for a name as it is typed: `slugify` at once, then, for a name
 * with letters it cannot spell, the same slug the server would make (`slugifyAnyScript`), with its
 * table loaded on first use as a chunk of its own, so that names in English (or French) never load it.
 */
export function slugifyTyped(text: string, then: (slug: string) => void): string {
  const now = slugify(text);
  if (needsTable(text)) {
    void import("./slug-any-script").then(
      ({ slugifyAnyScript }) => then(slugifyAnyScript(text)),
      () => undefined, // a chunk that fails to load leaves the ASCII slug, which the editor can still type over
    );
  }
  return now;
}
