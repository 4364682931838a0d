import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/** The most text an archived copy keeps (characters); a longer page is cut, and says so. */
export const MAX_TEXT_CHARS = 200_000;

const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td, th, dt, dd";

/** A page's bytes as text, in the character set its headers or its <meta> name (UTF-8 otherwise). */
export function decodeBody(body: Buffer, contentType: string | undefined): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(body.subarray(0, 2048).toString("latin1"))?.[1] ??
    "utf-8";
  try {
    return new TextDecoder(declared.toLowerCase()).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

export const isHtml = (contentType: string | undefined) => /^(text\/html|application\/xhtml\+xml)\b/i.test(contentType ?? "");
export const isPlainText = (contentType: string | undefined) => /^text\/plain\b/i.test(contentType ?? "");

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** The text of an element's block-level parts, one paragraph each. */
function blocksOf(root: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null; querySelector(s: string): unknown }> }) {
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    // A block that holds other blocks (an <li> with a <p>) is read through them.
    if (el.querySelector(BLOCKS)) continue;
    const text = squash(el.textContent ?? "");
    if (text) out.push(text);
  }
  return out;
}

/**
 * The readable text of a page: Mozilla's Readability (Firefox's Reader View) on a linkedom
 * document, as plain paragraphs separated by blank lines. Scripts, styles, forms and markup are
 * gone; nothing of the page survives but its words. A page Readability cannot read (too short, no
 * article) gives its body's paragraphs.
 */
export function extractReadable(html: string): { title: string; text: string } {
  // One parse for Readability (which changes the document it reads); the plain way below parses again only when needed.
  const { document } = parseHTML(html);
  const pageTitle = squash(document.querySelector("title")?.textContent ?? "");
  let title = pageTitle;
  let paragraphs: string[] = [];
  try {
    const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
    if (article?.content) {
      paragraphs = blocksOf(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document);
      if (paragraphs.length === 0 && article.textContent) paragraphs = [squash(article.textContent)];
      title = squash(article.title ?? "") || pageTitle;
    }
  } catch {
    // A page Readability chokes on is read the plain way below.
  }
  if (paragraphs.length === 0) {
    const { document: plain } = parseHTML(html);
    for (const el of Array.from(plain.querySelectorAll("script, style, noscript, template, nav, footer, form"))) el.remove();
    paragraphs = plain.body ? blocksOf(plain.body) : [];
    if (paragraphs.length === 0) paragraphs = [squash(plain.body?.textContent ?? "")].filter(Boolean);
  }
  return { title: title.slice(0, 300), text: clip(paragraphs.join("\n\n")) };
}

/** Plain text as paragraphs (lines joined, blank lines kept). */
export function extractPlainText(text: string): string {
  return clip(
    text
      .split(/\n\s*\n/)
      .map(squash)
      .filter(Boolean)
      .join("\n\n"),
  );
}

const clip = (text: string) => (text.length > MAX_TEXT_CHARS ? `${text.slice(0, MAX_TEXT_CHARS)}…` : text);

/**
 * Whether the page asks not to be archived: `noarchive` (or `none`) in an X-Robots-Tag header,
 * for every robot or for a named one, or in a robots <meta> tag.
 */
export function asksNoArchive(headers: Record<string, string>, html: string | null): boolean {
  const directives = (value: string) =>
    value
      .split(",")
      // "googlebot: noarchive" speaks to one robot; Dateline's archive honours it for all.
      .map((part) =>
        part
          .trim()
          .replace(/^[a-z0-9_-]+\s*:\s*/i, "")
          .toLowerCase(),
      )
      .some((d) => d === "noarchive" || d === "none");
  if (headers["x-robots-tag"] && directives(headers["x-robots-tag"])) return true;
  // Most pages say nothing of it: they are not read for it.
  if (html === null || !/noarchive|none/i.test(html)) return false;
  // The <meta> tags as written (attribute names in any case, either quote or none).
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attribute = (name: string) =>
      new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i")
        .exec(tag)
        ?.slice(1)
        .find((v) => v !== undefined);
    const name = (attribute("name") ?? "").toLowerCase();
    if ((name === "robots" || name === "datelinebot") && directives(attribute("content") ?? "")) return true;
  }
  return false;
}

/** The three-word runs of a text (lower-case, words only). */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  if (words.length < 3) {
    if (words.length) out.add(words.join(" "));
    return out;
  }
  for (let i = 0; i + 3 <= words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/**
 * How alike two texts are, 0 (nothing shared) to 1 (the same words in the same order): the
 * Jaccard index of their sets of three-word runs (w-shingling, Broder 1997). A changed word
 * touches three shingles, so a page with one figure changed in a long text stays near 1, while a
 * rewritten paragraph in a short statement drops well below.
 */
export function textSimilarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
}
