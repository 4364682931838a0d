import type { AuthorKind } from "../authors/schema";

// A wire item's byline and photo credit as the story and the library keep them (lib/wire/take.ts).

/** Titles and desks: "AP Writers", "Staff", "Sky News", "Tokyo bureau". */
const TITLES = "news|agency|writers?|correspondents?|staff|bureau|contributors?";
/**
 * A part of a wire byline after the first that is a title or a desk, not a person. Press and Wire
 * are surnames too ("and Anna Press"): they make a part the agency's only after its name (agencyNamed).
 */
const AFFILIATION = new RegExp(`\\b(?:${TITLES})\\b`, "i");
/** What may follow an agency's name or abbreviation in a byline: "Reuters Wire", "AP staff". */
const AGENCY_SUFFIX = new RegExp(`(?:^|\\s+)(?:press|wire|${TITLES})$`);
/** Agencies whose copy other feeds carry, named in bylines besides the feed's own agency. */
const KNOWN_AGENCIES = [
  "Associated Press",
  "Reuters",
  "Agence France-Presse",
  "Deutsche Presse-Agentur",
  "Press Association",
  "Canadian Press",
  "Australian Associated Press",
  "United Press International",
  "Press Trust of India",
  "Kyodo News",
  "Bloomberg",
  "Xinhua",
  "ANSA",
  "EFE",
];

const plainName = (text: string) =>
  text
    .toLowerCase()
    .replace(/\./g, "")
    .replace(/[\s-]+/g, " ")
    .trim();

/** An agency's name and, of a name of two words or more, its initials: "Associated Press" → "AP", "Agence France-Presse" → "AFP". */
function agencyNames(agency: string): string[] {
  const words = plainName(agency).replace(/^the /, "").split(" ").filter(Boolean);
  return words.length > 1 ? [words.join(" "), words.map((w) => w[0]).join("")] : words;
}

/**
 * Whether a part of a byline names an agency, not a person: anything after "The" ("By The
 * Associated Press", "The Canadian Press"); the item's agency or a known one, by name or initials,
 * alone or before Press, Wire or a title ("AFP", "AP staff", "Reuters Wire"); or those words alone
 * ("Staff"). A person's name before them stays a person's ("Anna Press", "Tom Wire").
 */
function agencyNamed(part: string, agency: string): boolean {
  const names = [agency, ...KNOWN_AGENCIES].flatMap(agencyNames);
  let text = plainName(part);
  if (/^the /.test(text)) return true;
  for (;;) {
    if (!text || names.includes(text)) return true;
    const shorter = text.replace(AGENCY_SUFFIX, "");
    if (shorter === text) return false;
    text = shorter;
  }
}

/** "By Jane Doe and John Roe" → the people Jane Doe and John Roe; no byline → the organization "<Agency> Staff". */
export function bylineNames(byline: string, agency: string): { name: string; kind: AuthorKind }[] {
  const names = byline
    .replace(/^\s*by\s+/i, "")
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .map((n) => n.trim().slice(0, 100))
    .filter((n) => n.length > 1)
    // "By Jane Doe, Associated Press": the agency, or a title after the name, is no person's byline
    // (the first name is a person's unless it is the agency's: "By Eyal Press", but "By AP").
    .filter((n, i) => !agencyNamed(n, agency) && (i === 0 || !AFFILIATION.test(n)));
  return names.length
    ? names.slice(0, 5).map((name) => ({ name, kind: "PERSON" }))
    : [{ name: `${agency.slice(0, 90)} Staff`, kind: "ORGANIZATION" }];
}

/** "Roman Pilipey/Getty Images" → photographer and agency, as the library keeps them; anything else stays one credit line. */
export function splitCredit(credit: string): { credit: string; agency: string; creditLine: string } {
  const parts = credit.split("/").map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return { credit: parts[0].slice(0, 200), agency: parts[1].slice(0, 200), creditLine: "" };
  return { credit: "", agency: "", creditLine: credit.slice(0, 200) };
}
