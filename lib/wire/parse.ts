import type { ParsedWireItem } from "./schema";
import { parseNinjs } from "./parse-ninjs";
import { parseNewsMl } from "./parse-newsml";
import { parseFeed } from "./parse-feed";
import { wellFormed } from "../format/text";

export class WireParseError extends Error {}

/**
 * Any wire document: ninjs (JSON), NewsML-G2 (XML in IPTC's namespace) or RSS/Atom, told apart by
 * what it is rather than by its name. Throws WireParseError with a sentence for anything else.
 */
export function parseWireDocument(text: string, defaults: { agency?: string } = {}): ParsedWireItem[] {
  const body = text.replace(/^\uFEFF/, "").trim();
  try {
    // Every string well-formed: JSON can carry a lone surrogate ("\ud800"), which the database refuses.
    if (body.startsWith("{")) return wellFormed([parseNinjs(body, defaults)]);
    if (body.startsWith("<")) {
      if (/<(?:\w+:)?(?:newsItem|newsMessage)[\s>]/.test(body.slice(0, 4000))) return wellFormed(parseNewsMl(body, defaults));
      return wellFormed(parseFeed(body, defaults));
    }
  } catch (error) {
    throw new WireParseError(error instanceof Error ? error.message : String(error));
  }
  throw new WireParseError("This is not a wire document: send ninjs (JSON), NewsML-G2 or RSS/Atom (XML).");
}
