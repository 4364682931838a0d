/** Serialises data for a <script type="application/ld+json"> block: no "</script>" or "<!--" can break out. */
export function safeJsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

// Control characters but tab, line feed and carriage return, and the two noncharacters: XML 1.0
// forbids them (but DEL), no keyboard types them, and PostgreSQL refuses a NUL. Also the bidi
// embeddings and overrides (U+202A–U+202E): one in a dek showed its words reversed on the page,
// in the meta description and in feeds ("edirrevo"), a way to disguise pasted text. Right-to-left
// copy needs none of them: the marks (U+200E, U+200F, U+061C) and isolates (U+2066–U+2069) stay.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\uFFFE\uFFFF]/g;

/** Escapes text for XML content and attribute values (RSS, sitemaps). */
export function xmlEscape(text: string): string {
  return text
    .replace(CONTROL, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/**
 * Escapes text for HTML content and attribute values, as React does (byte for byte: the content
 * API's body HTML is tested against the reader's page): the HTML strings written outside React
 * (lib/articles/body-html.ts, lib/api/docs-html.ts, lib/sources/archive-page.ts, an RSS description).
 */
export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** At most `max` UTF-16 units of `text`, cut between whole characters (never inside an emoji or an accent). */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return out;
}

/** At most `max` UTF-16 units of `text`: when longer, cut after its last whole word that fits, and ended with "…". */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = truncateText(text, max - 1);
  const whole = /\s/.test(text[cut.length] ?? "") ? cut : cut.replace(/\s+\S*$/, "");
  return `${(whole || cut).trimEnd()}…`;
}

const QUOTE_MARK = /[“”„‘’"']/g;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** A single mark ends a quotation only at the end of a word: in the middle of one (Dovzhenko’s) it is an apostrophe. */
const canClose = (mark: string, before: string, after: string) =>
  mark === "”" || mark === '"' || ((mark === "’" || mark === "'") && /\S/.test(before) && !WORD_CHARACTER.test(after));

/** A straight single mark opens a quotation only at the start of a word: it is an apostrophe more often. */
const canOpen = (mark: string, before: string, after: string) =>
  '“„‘"'.includes(mark) || (mark === "'" && /[\s([{—–"“‘„-]/.test(before) && /\S/.test(after));

/** Straight marks and curly ones at an even depth or odd, opening and closing. */
const NESTED_MARKS = { straight: ['""', "''"], curly: ["“”", "‘’"] };

/** A double mark that pairs with none becomes a single one, as nesting would make it. */
const LONE_DOUBLE: Record<string, string> = { "“": "‘", "„": "‘", "”": "’", '"': "'" };

/**
 * A headline or title in double quotation marks inside a sentence of the admin. Its own quotations
 * go one level down, as typography nests them: the outermost in single marks, the ones inside
 * those in double, and so on, however the headline marked them. A wire headline such as “We are
 * still here”: … reads “‘We are still here’: …”, not ““We are still here”: …”, and “‘We will not
 * leave,’ says mayor” reads “‘“We will not leave,” says mayor’”, not “‘‘We will not leave,’ says
 * mayor’”. Straight marks stay straight.
 */
export function quoted(text: string): string {
  // Pairs first, depths after: a mark that pairs with none (a ‘ typed for an apostrophe) nests nothing.
  const roles = new Map<number, "opens" | "closes">();
  const open: { at: number; double: boolean; straight: boolean }[] = [];
  for (const { 0: mark, index: at } of text.matchAll(QUOTE_MARK)) {
    const [double, straight] = [/[“”„"]/.test(mark), mark === '"' || mark === "'"];
    const [before = " ", after = " "] = [text[at - 1], text[at + 1]];
    const partner = open.findLastIndex((o) => o.double === double && o.straight === straight);
    if (partner >= 0 && canClose(mark, before, after)) {
      roles.set(open[partner]!.at, "opens").set(at, "closes");
      open.length = partner;
    } else if (canOpen(mark, before, after)) {
      open.push({ at, double, straight });
    }
  }
  let depth = 0;
  const nested = text.replace(QUOTE_MARK, (mark, at: number) => {
    const role = roles.get(at);
    if (!role) return LONE_DOUBLE[mark] ?? mark;
    if (role === "opens") depth += 1;
    const marks = NESTED_MARKS[mark === '"' || mark === "'" ? "straight" : "curly"][depth % 2]!;
    if (role === "closes") depth -= 1;
    return marks[role === "opens" ? 0 : 1]!;
  });
  return `“${nested}”`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the control characters no keyboard types; a vertical tab or form feed becomes a line break (see wellFormed). */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[\v\f]/g, "\n").replace(CONTROL, "");
}

/** XML 1.0's Char production: a reference to any other character is not well-formed. */
const isXmlChar = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

const CHARACTER_REFERENCE = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;

/**
 * An XML document's text as an XML parser may read it. A control character XML forbids, or a
 * reference to one (`&#11;`, `&#x1;`, `&#0;`: Word's vertical tab, pasted into a post or a wire
 * story and written out as it was), refused the whole document: the reference becomes the
 * character it names, and every such character goes the way withoutControlCharacters takes it (a
 * vertical tab or form feed becomes a line break, the rest goes); a reference that names no
 * character at all (a surrogate, past U+10FFFF) goes. Entities, and every other reference, are
 * left to the parser, which reads no DTD.
 */
export function xmlReadable(text: string): string {
  const references = text.replace(CHARACTER_REFERENCE, (reference, hex: string | undefined, decimal: string | undefined) => {
    const code = hex ? parseInt(hex, 16) : Number(decimal);
    return isXmlChar(code) ? reference : code < 0x20 ? String.fromCharCode(code) : "";
  });
  return withoutControlCharacters(references);
}

/**
 * `value` with every string in it well-formed Unicode: a lone surrogate ("\ud800" in a script's
 * JSON: no keyboard types one) becomes U+FFFD, as a browser's form does. The database cannot store
 * one (a probe's got 500 from the desk API, the wire push and the settings). Control characters
 * no keyboard types either are dropped (a partner writing the content API's headline into its own
 * XML got a broken document, and PostgreSQL refuses a NUL); a vertical tab or form feed (Word's
 * line break, a PDF's page break, pasted) becomes a line break, so the words either side stay
 * apart. Walks arrays and plain objects; anything else (a File, a Date) is left as it is, and so
 * is a password (sign-in compares it as typed).
 */
export function wellFormed<T>(value: T): T {
  if (typeof value === "string") return withoutControlCharacters(value.replace(LONE_SURROGATE, "\uFFFD")) as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [wellFormed(key), /password/i.test(key) ? v : wellFormed(v)])) as T;
  }
  return value;
}

/** ["a", "b", "c"] → "a, b and c": the needs of a story in a sentence. */
export function andList(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}
