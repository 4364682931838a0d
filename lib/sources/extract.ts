import { Readability } from "@mozilla/readability";
import { Parser, Tokenizer } from "htmlparser2";
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

/*
 * Bounds on the pages Readability reads. It runs synchronously in the job runner inside every web
 * server process, and its time grows much faster than a page's size with the page's nesting: one
 * word inside <div>s nested 2,500 deep (27 KB) took 79 s, 200,000 sibling <div><p>s (4.6 MB) 9.7 s,
 * and a hundred runs of <div>s 200 deep 16 s, while every reader on that process waited. linkedom's
 * own parse is no safer (its parser's stack costs grow with the square of the depth: 100,000 levels
 * took 15 s), so the bounds are measured before it runs, in one pass of htmlparser2's streaming
 * parser that stops at the first bound passed. Real article pages have a few thousand elements
 * nested 30 to 60 deep; a page past a bound is read as a stream of text instead (streamText), in
 * linear time, which keeps its words.
 */
/** The most elements a page Readability reads may have. */
export const MAX_READABLE_ELEMENTS = 20_000;
/** The deepest a page Readability reads may nest its elements. */
export const MAX_READABLE_DEPTH = 150;
/**
 * The most ancestors a page Readability reads may have in all (every element's depth, added up):
 * a page of many long runs of nesting, each within the bounds above, still took seconds.
 */
export const MAX_READABLE_ANCESTORS = 200_000;

class PastBounds extends Error {}

/** Whether a page is within the bounds above, read without building it and without recursion. */
function withinBounds(html: string): boolean {
  let elements = 0;
  let depth = 0;
  let ancestors = 0;
  const parser = new Parser(
    {
      onopentag() {
        elements++;
        depth++;
        ancestors += depth;
        // Thrown at once, so that the parser's stack never holds more than MAX_READABLE_DEPTH elements.
        if (elements > MAX_READABLE_ELEMENTS || depth > MAX_READABLE_DEPTH || ancestors > MAX_READABLE_ANCESTORS) throw new PastBounds();
      },
      onclosetag() {
        depth--;
      },
    },
    // As linkedom reads HTML (its shared/parse-from-string.js), so that elements nest as they will there.
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof PastBounds) return false;
    throw error;
  }
  return true;
}

/** Elements whose text a page's plain reading leaves out. */
const LEFT_OUT = new Set(["script", "style", "noscript", "template", "nav", "footer", "form", "svg", "math"]);
/** Elements that start or end a paragraph in a page read as a stream. */
const BREAKS = new Set(
  (
    "h1 h2 h3 h4 h5 h6 p li blockquote pre figcaption td th dt dd br hr div section article main header aside " +
    "ul ol dl table tr figure address details summary"
  ).split(" "),
);

/**
 * A page's title and paragraphs in one pass of htmlparser2's tokenizer, which builds no tree and
 * keeps no stack, so its time is linear in the page's size however deep it nests: text between
 * block boundaries is a paragraph; scripts, styles, navigation, footers and forms are left out.
 */
function streamText(html: string): { title: string; paragraphs: string[] } {
  const paragraphs: string[] = [];
  let length = 0;
  let current = "";
  let title = "";
  let inTitle = false;
  let leftOut = 0;
  const endParagraph = () => {
    const text = squash(current);
    current = "";
    // Past what a copy keeps, the rest is only read through.
    if (text && length <= MAX_TEXT_CHARS) {
      paragraphs.push(text);
      length += text.length + 2;
    }
  };
  const text = (value: string) => {
    if (inTitle) title += value;
    else if (leftOut === 0 && length <= MAX_TEXT_CHARS) current += value;
  };
  let opened = "";
  const tag = (name: string, closing: boolean) => {
    if (!closing) opened = name;
    if (name === "title") inTitle = !closing && title === "" && leftOut === 0;
    else if (LEFT_OUT.has(name)) {
      leftOut = Math.max(0, leftOut + (closing ? -1 : 1));
      endParagraph();
    } else if (BREAKS.has(name)) endParagraph();
  };
  const noop = () => {};
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname: (start, end) => tag(html.slice(start, end).toLowerCase(), false),
      onclosetag: (start, end) => tag(html.slice(start, end).toLowerCase(), true),
      ontext: (start, end) => text(html.slice(start, end)),
      ontextentity: (codepoint) => text(String.fromCodePoint(codepoint)),
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onopentagend: noop,
      onprocessinginstruction: noop,
      // An <svg/> has no end tag to say that what follows is read again.
      onselfclosingtag: () => {
        if (LEFT_OUT.has(opened)) tag(opened, true);
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  endParagraph();
  return { title: squash(title), paragraphs };
}

/** How a page's text was read: by Readability, as its body's paragraphs, or as a stream (a page past the bounds above). */
export type ReadVia = "readability" | "blocks" | "stream";

/**
 * The readable text of a page: Mozilla's Readability (Firefox's Reader View) on a linkedom
 * document, as plain paragraphs separated by blank lines. Scripts, styles, forms and markup are
 * gone; nothing of the page survives but its words. A page Readability cannot read (too short, no
 * article) gives its body's paragraphs; a page past the bounds above, its text read as a stream.
 */
export function extractReadable(html: string): { title: string; text: string; via: ReadVia } {
  if (!withinBounds(html)) {
    const { title, paragraphs } = streamText(html);
    return { title: title.slice(0, 300), text: clip(paragraphs.join("\n\n")), via: "stream" };
  }
  // One parse for Readability (which changes the document it reads); the plain way below parses again only when needed.
  const { document } = parseHTML(html);
  const pageTitle = squash(document.querySelector("title")?.textContent ?? "");
  let title = pageTitle;
  let paragraphs: string[] = [];
  let via: ReadVia = "readability";
  try {
    const article = new Readability(document as unknown as Document, {
      charThreshold: 100,
      maxElemsToParse: MAX_READABLE_ELEMENTS,
    }).parse();
    if (article?.content) {
      paragraphs = blocksOf(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document);
      if (paragraphs.length === 0 && article.textContent) paragraphs = [squash(article.textContent)];
      title = squash(article.title ?? "") || pageTitle;
    }
  } catch {
    // A page Readability chokes on is read the plain way below.
  }
  if (paragraphs.length === 0) {
    via = "blocks";
    const { document: plain } = parseHTML(html);
    for (const el of Array.from(plain.querySelectorAll("script, style, noscript, template, nav, footer, form"))) el.remove();
    paragraphs = plain.body ? blocksOf(plain.body) : [];
    if (paragraphs.length === 0) paragraphs = [squash(plain.body?.textContent ?? "")].filter(Boolean);
  }
  return { title: title.slice(0, 300), text: clip(paragraphs.join("\n\n")), via };
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
