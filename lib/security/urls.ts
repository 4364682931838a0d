import { z } from "zod";

const MAX_URL_LENGTH = 2048;

/** True when `value` parses as an absolute URL whose scheme is one of `schemes` (e.g. "https:"). */
export function hasAllowedScheme(value: string, schemes: readonly string[]): boolean {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const WEB_SCHEMES = ["http:", "https:"] as const;
export const LINK_SCHEMES = ["http:", "https:", "mailto:"] as const;

/** An absolute http(s) URL, the only kind a source, embed or canonical URL may be. */
export const webUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter a URL.")
  .max(MAX_URL_LENGTH, `URLs can be at most ${MAX_URL_LENGTH} characters.`)
  .refine((v) => hasAllowedScheme(v, WEB_SCHEMES), "Use a full web address starting with http:// or https://.");

/** A body link: http(s) or mailto only. */
export const linkUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter a link address.")
  .max(MAX_URL_LENGTH, `Links can be at most ${MAX_URL_LENGTH} characters.`)
  .refine((v) => hasAllowedScheme(v, LINK_SCHEMES), "Links must start with http://, https:// or mailto:.");
