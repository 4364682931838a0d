import anyAscii from "any-ascii";
import { slugify } from "./slug";

/**
 * A URL slug from text in any script, written in Latin letters first ("Київ" → "kiiv", "Αθήνα" →
 * "athina", "東京" → "dongjing"): `slugify` alone keeps only a-z and 0-9, so a headline, tag or
 * byline in Cyrillic, Greek, Arabic, Hebrew or Chinese had no address, or two of them shared
 * one. The table behind it (any-ascii) is half a megabyte: the server imports it, and the desk's
 * forms load it only when a name has letters outside ASCII (`slugifyTyped`).
 */
export function slugifyAnyScript(text: string, maxLength = 80): string {
  return slugify(anyAscii(text.normalize("NFC")), maxLength);
}
