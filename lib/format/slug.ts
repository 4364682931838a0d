import { z } from "zod";

/** A URL slug from any text: lower-case ASCII letters, digits and single hyphens. */
export function slugify(text: string, maxLength = 80): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’"“”]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}

/** Lower-case ASCII letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The slug an address segment typed in another letter case stands for ("World" → "world"), or
 * null when the segment is already lower case or could not be a slug in any case. Slugs are lower
 * case, so /World, /tags/Climate or /authors/Maria-Okonkwo are sent to the one address there is.
 */
export function lowerCaseSlug(segment: string): string | null {
  const lower = segment.toLowerCase();
  return lower !== segment && SLUG_PATTERN.test(lower) ? lower : null;
}

/** No slug is longer: an address segment that is cannot name a story, section, byline or tag. */
export const SLUG_MAX_LENGTH = 120;

export const slugSchema = z
  .string()
  .trim()
  .min(1, "Enter a slug.")
  .max(SLUG_MAX_LENGTH, `Slugs can be at most ${SLUG_MAX_LENGTH} characters.`)
  .regex(SLUG_PATTERN, "Use lower-case letters, digits and single hyphens only, e.g. city-council-vote.");
