import { DomUtils, Parser, parseDocument } from "htmlparser2";
import { z } from "zod";
import type { ChildNode, Element } from "domhandler";
import type { BlockNode, BodyDoc, ListItemNode, ListNode, Mark, ParagraphNode, TextNode } from "../../articles/body";
import { MAX_INLINE } from "../../articles/body";
import { hasAllowedScheme, LINK_SCHEMES, WEB_SCHEMES } from "../../security/urls";

/**
 * WordPress post content (Gutenberg blocks or classic HTML with shortcodes) → Dateline's body
 * document (lib/articles/body.ts). Paragraphs, headings, quotes, lists, bold, italic, links and
 * photos map one to one; embeds (YouTube, X, …) become embed nodes that readers see as links.
 * Anything else (tables, code, galleries, unknown shortcodes) is kept as plain text and listed in
 * `notes`; scripts and styles are dropped and listed. Nothing is ever kept as HTML.
 */

export type ResolvedPhoto = { imageId: string; caption?: string; credit?: string; alt?: string };
export type PhotoRef = { src: string; attachmentId: string | null };

type Inline = TextNode | { type: "hardBreak" };
const MAX_TEXT = 20_000;

const DROPPED = new Set(["script", "style", "noscript", "template", "form", "input", "button", "select", "textarea", "svg", "math"]);
const INLINE_TRANSPARENT = new Set([
  "span",
  "u",
  "sub",
  "sup",
  "small",
  "mark",
  "abbr",
  "cite",
  "code",
  "s",
  "del",
  "ins",
  "time",
  "kbd",
  "q",
  "font",
  "label",
  "bdi",
  "bdo",
  "var",
  "samp",
  "dfn",
]);
const KNOWN_QUIET = new Set(["span", "u", "sub", "sup", "small", "font", "time", "abbr", "q", "cite"]);
const EMBED_TAGS = new Set(["iframe", "video", "audio", "embed", "object", "source"]);

const isElement = (n: ChildNode): n is Element => n.type === "tag" || n.type === "script" || n.type === "style";
const tagOf = (n: Element) => n.name.toLowerCase();

/** The photos a post's content refers to (`<img>` sources and `wp-image-123` classes), before conversion. */
export function photoRefs(html: string, footnotes?: string): PhotoRef[] {
  // A footnote's photo too: the converter moves it below the notes (it was reported missing).
  const notes = (readFootnotes(footnotes) ?? []).slice(0, MAX_FOOTNOTES).map((footnote) => footnote.content);
  return [html, ...notes].flatMap((part) =>
    DomUtils.findAll((e) => tagOf(e) === "img" && !!e.attribs.src, parseDocument(preprocess(shallowHtml(part).html)).children).map(
      (img) => ({
        src: img.attribs.src!.trim(),
        attachmentId: /(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(img.attribs.class ?? "")?.[1] ?? null,
      }),
    ),
  );
}

/**
 * How deep tags may nest in the HTML the converter reads. Real copy nests a few levels; the
 * converter and htmlToText recurse once or more per level, and 5,000 nested `<div>`s overflowed
 * the stack (a probe's post stopped a whole import; a wire item's push answered 500).
 */
export const MAX_HTML_DEPTH = 100;
/** Past this depth the tags are not worth cutting one by one: htmlparser2's stack costs grow with the square of the depth (50,000 levels took seconds). */
const TEXT_ONLY_DEPTH = 1_000;

class TooDeep extends Error {}

/**
 * The HTML with every tag nested deeper than MAX_HTML_DEPTH taken out, its text kept: `tags`.
 * It is read once by htmlparser2's streaming parser, which nests elements as parseDocument does,
 * without recursion; the tags past the limit are cut from the source by their positions, so HTML
 * within the limit comes back exactly as it was (`none`). HTML nested past TEXT_ONLY_DEPTH is read
 * as its text, with line breaks where its blocks end (`text`).
 */
export function shallowHtml(html: string): { html: string; flattened: "none" | "tags" | "text" } {
  if (!html.includes("<")) return { html, flattened: "none" };
  const cuts: [number, number][] = [];
  const dropped: boolean[] = [];
  const parser: Parser = new Parser({
    onopentag(_name, _attribs, isImplied) {
      if (dropped.length >= TEXT_ONLY_DEPTH) throw new TooDeep();
      const drop = dropped.length >= MAX_HTML_DEPTH;
      dropped.push(drop);
      if (drop && !isImplied) cuts.push([parser.startIndex, parser.endIndex + 1]);
    },
    onclosetag(_name, isImplied) {
      if (dropped.pop() && !isImplied) cuts.push([parser.startIndex, parser.endIndex + 1]);
    },
  });
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof TooDeep) return { html: textWithBreaks(html), flattened: "text" };
    throw error;
  }
  if (cuts.length === 0) return { html, flattened: "none" };
  cuts.sort((a, b) => a[0] - b[0]);
  const kept: string[] = [];
  let at = 0;
  for (const [start, end] of cuts) {
    if (start >= at) kept.push(html.slice(at, start));
    at = Math.max(at, end);
  }
  kept.push(html.slice(at));
  return { html: kept.join(""), flattened: "tags" };
}

const BLOCK_END = /^(?:br|\/(?:p|div|li|h[1-6]|blockquote|tr|pre|section|article|figure|table|ul|ol))$/i;

/**
 * HTML's text with `<br>` where a block ended or a line broke, in one pass by index (no regular
 * expression that could backtrack): comments, scripts and styles are left out, every other tag
 * too; entities stay as they were.
 */
function textWithBreaks(html: string): string {
  const out: string[] = [];
  let lower: string | null = null;
  // The next ">" found, kept while it lies ahead: each "<" before it would otherwise search again
  // (2 MB of "<" took 35 s in a review).
  let close = -1;
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf("<", at);
    if (open < 0) {
      out.push(html.slice(at));
      break;
    }
    out.push(html.slice(at, open));
    if (html.startsWith("<!--", open)) {
      const end = html.indexOf("-->", open + 4);
      at = end < 0 ? html.length : end + 3;
      continue;
    }
    if (close <= open) close = html.indexOf(">", open + 1);
    if (close < 0) {
      // No tag closes after here: the rest is text.
      out.push(html.slice(open).replaceAll("<", "&lt;"));
      break;
    }
    const next = html.indexOf("<", open + 1);
    if (next >= 0 && next < close) {
      out.push("&lt;");
      at = open + 1;
      continue;
    }
    const name = /^\/?[a-z][a-z0-9]*/i.exec(html.slice(open + 1, Math.min(close, open + 40)))?.[0] ?? "";
    at = close + 1;
    if (/^(?:script|style)$/i.test(name)) {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name.toLowerCase()}`, at);
      at = end < 0 ? html.length : end;
    } else if (BLOCK_END.test(name)) out.push("<br>");
  }
  return out.join("");
}

/** Shortcodes WordPress itself expands: [caption] around a photo, [embed]url[/embed]. */
function preprocess(html: string): string {
  return html
    .replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_all, inner: string) => {
      const match = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
      if (!match) return inner;
      return `<figure>${match[1]}<figcaption>${match[2]!.trim()}</figcaption></figure>`;
    })
    .replace(
      /\[embed[^\]]*\]\s*(https?:\/\/[^\s[<]+)\s*\[\/embed\]/gi,
      (_all, url: string) => `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${url}</div></figure>`,
    );
}

/**
 * Whether blank lines are paragraphs and line breaks <br>, as WordPress's wpautop makes them. A
 * WordPress post is classic unless it has blocks: wpautop runs on every classic post, typed `<p>`
 * or not (one `<p>` anywhere had lost a post's blank-line paragraphs everywhere else). Other HTML
 * (wire copy) is read so only when it has no `<p>` at all: its newlines are only spacing.
 */
function isClassic(html: string, wordpress: boolean): boolean {
  return !/<!--\s*wp:/.test(html) && (wordpress || !/<p[\s>]/i.test(html));
}

export type ConvertContext = {
  /** The old site's address, to make relative links absolute. */
  baseUrl: string;
  photos: Map<string, ResolvedPhoto>;
  /** A WordPress post's content (its newlines are WordPress's paragraphs and line breaks: isClassic). */
  wordpress?: boolean;
  /** A WordPress post's `footnotes` meta (WordPress 6.3+): the JSON list of the notes its `<sup data-fn>` references point to. */
  footnotes?: string;
  /** The story's language (a BCP 47 tag): the heading over its footnotes is in it. */
  language?: string;
};

/**
 * The heading over a story's footnotes, in the languages WordPress newsrooms write most; any
 * other language's story gets the English word, for the desk to put in its own.
 */
const NOTES_HEADING: Record<string, string> = {
  en: "Notes",
  de: "Anmerkungen",
  fr: "Notes",
  es: "Notas",
  it: "Note",
  pt: "Notas",
  nl: "Noten",
  da: "Noter",
  sv: "Noter",
  nb: "Noter",
  nn: "Notar",
  no: "Noter",
  fi: "Huomautukset",
  pl: "Przypisy",
  cs: "Poznámky",
  ca: "Notes",
};

function notesHeading(language: string | undefined): string {
  return NOTES_HEADING[(language ?? "").split("-")[0]!.toLowerCase()] ?? "Notes";
}

/** WordPress's `footnotes` meta: each note's id (its references' `data-fn`) and its HTML, in the order WordPress numbers them. */
const footnotesSchema = z.array(z.object({ id: z.string(), content: z.string() }));
type Footnote = z.infer<typeof footnotesSchema>[number];

/** The post's footnotes; none when it has none, null when its meta is not a list of notes. */
function readFootnotes(meta: string | undefined): Footnote[] | null {
  if (!meta?.trim()) return [];
  try {
    return footnotesSchema.parse(JSON.parse(meta));
  } catch {
    return null;
  }
}

/** The notes a story's list holds. */
const MAX_FOOTNOTES = 200;

export type ConvertResult = { doc: BodyDoc; notes: string[] };

/** WordPress's own shortcodes that take no attributes; "[sic]" or "[1]" in a story's text is no shortcode. */
const BARE_SHORTCODES = new Set(["gallery", "playlist", "audio", "video"]);

/**
 * The shortcodes left in a post once [caption] and [embed] are expanded: they reach readers as
 * the plain text they are, so the report names them for an editor to replace. A shortcode is a
 * bracketed name with attributes (`[gallery ids="1,2"]`), with a closing tag (`[x]…[/x]`), or
 * one of WordPress's own.
 */
function leftShortcodes(html: string): string[] {
  const names = new Set<string>();
  for (const match of html.matchAll(/\[([a-z][\w-]*)(\s+[\w-]+=[^\]]*)?\/?\]/g)) {
    const name = match[1]!;
    if (match[2] || BARE_SHORTCODES.has(name) || html.includes(`[/${name}]`)) names.add(name);
  }
  return [...names];
}

export function convertContent(html: string, ctx: ConvertContext): ConvertResult {
  const notes = new Set<string>();
  const classic = isClassic(html, ctx.wordpress ?? false);
  const blocks: BlockNode[] = [];
  const { html: shallow, flattened } = shallowHtml(html);
  const expanded = preprocess(shallow);
  const doc = parseDocument(expanded, { decodeEntities: true });

  const note = (text: string) => notes.add(text);
  if (flattened === "tags")
    note(`Its HTML nested more than ${MAX_HTML_DEPTH} levels deep: the tags past that were left out, and their text kept.`);
  if (flattened === "text") note(`Its HTML nested more than ${TEXT_ONLY_DEPTH} levels deep: only its text and line breaks were kept.`);
  const footnotes = readFootnotes(ctx.footnotes);
  if (!footnotes) note("Its footnotes could not be read from the export and were left out.");
  const footnoteIds = (footnotes ?? []).map((footnote) => footnote.id);
  const shortcodes = leftShortcodes(expanded);
  if (shortcodes.length > 0) {
    note(
      `${shortcodes.length === 1 ? "A shortcode was" : "Shortcodes were"} kept as plain text: ${shortcodes.map((name) => `[${name}]`).join(", ")}.`,
    );
  }

  const photoFor = (img: Element): BlockNode | null => {
    const src = (img.attribs.src ?? "").trim();
    const photo = ctx.photos.get(src);
    if (!photo) {
      note(`A photo in the body could not be found in the export or the uploads folder, and was left out: ${src.slice(0, 200)}`);
      return null;
    }
    const alt = (img.attribs.alt ?? "").trim().slice(0, 500);
    const attrs: ResolvedPhoto = { imageId: photo.imageId };
    if (alt || photo.alt) attrs.alt = (alt || photo.alt)!.slice(0, 500);
    if (photo.caption) attrs.caption = photo.caption.slice(0, 2000);
    if (photo.credit) attrs.credit = photo.credit.slice(0, 300);
    return { type: "image", attrs };
  };

  const linkHref = (raw: string | undefined): string | null => {
    const value = (raw ?? "").trim();
    if (!value || value.startsWith("#")) return null;
    let absolute = value;
    try {
      absolute = new URL(value, ctx.baseUrl || undefined).toString();
    } catch {
      return null;
    }
    return absolute.length <= 2048 && hasAllowedScheme(absolute, LINK_SCHEMES) ? absolute : null;
  };

  const webUrl = (raw: string | undefined): string | null => {
    const value = (raw ?? "").trim();
    if (!value) return null;
    try {
      const absolute = new URL(value.startsWith("//") ? `https:${value}` : value).toString();
      return absolute.length <= 2048 && hasAllowedScheme(absolute, WEB_SCHEMES) ? absolute : null;
    } catch {
      return null;
    }
  };

  /** Text → text nodes (split under the per-node limit), with line breaks as hard breaks when asked. */
  const textNodes = (text: string, marks: Mark[], breaks: boolean): Inline[] => {
    const out: Inline[] = [];
    const lines = breaks ? text.split("\n") : [text.replace(/\s+/g, " ")];
    lines.forEach((line, i) => {
      if (i > 0) out.push({ type: "hardBreak" });
      const clean = breaks ? line.replace(/[ \t\r\f\v]+/g, " ") : line;
      for (let at = 0; at < clean.length; at += MAX_TEXT) {
        const piece = clean.slice(at, at + MAX_TEXT);
        if (piece) out.push(marks.length ? { type: "text", text: piece, marks: marks.slice(0, 3) } : { type: "text", text: piece });
      }
    });
    return out;
  };

  /** Inline content; photos met inline are lifted out after the paragraph (`lifted`). */
  const inline = (nodes: ChildNode[], marks: Mark[], lifted: BlockNode[], breaks: boolean): Inline[] => {
    const out: Inline[] = [];
    for (const node of nodes) {
      if (node.type === "text") out.push(...textNodes((node as unknown as { data: string }).data, marks, breaks));
      else if (isElement(node)) {
        const tag = tagOf(node);
        if (DROPPED.has(tag)) {
          note(`<${tag}> content was left out.`);
        } else if (tag === "sup" && node.attribs["data-fn"] !== undefined) {
          // A footnote's reference: its number in brackets (a story's text has no superscript), as the notes are numbered.
          const index = footnoteIds.indexOf(node.attribs["data-fn"]);
          const number = index >= 0 ? String(index + 1) : DomUtils.textContent(node).trim();
          if (number) out.push(...textNodes(`[${number}]`, marks, false));
        } else if (tag === "br") out.push({ type: "hardBreak" });
        else if (tag === "strong" || tag === "b") out.push(...inline(node.children, withMark(marks, { type: "bold" }), lifted, breaks));
        else if (tag === "em" || tag === "i") out.push(...inline(node.children, withMark(marks, { type: "italic" }), lifted, breaks));
        else if (tag === "a") {
          const href = linkHref(node.attribs.href);
          if (!href && node.attribs.href && !node.attribs.href.trim().startsWith("#"))
            note(`A link that is not a web or mail address was kept as text: ${node.attribs.href.slice(0, 200)}`);
          out.push(...inline(node.children, href ? withMark(marks, { type: "link", attrs: { href } }) : marks, lifted, breaks));
        } else if (tag === "img") {
          const photo = photoFor(node);
          if (photo) lifted.push(photo);
        } else if (EMBED_TAGS.has(tag)) {
          const embed = embedFor(node);
          if (embed) lifted.push(embed);
        } else {
          if (!INLINE_TRANSPARENT.has(tag) || !KNOWN_QUIET.has(tag)) note(`<${tag}> was kept as plain text.`);
          out.push(...inline(node.children, marks, lifted, breaks));
        }
      }
    }
    return out;
  };

  const embedFor = (el: Element): BlockNode | null => {
    const src = el.attribs.src ?? DomUtils.findOne((e) => tagOf(e) === "source", el.children)?.attribs.src ?? el.attribs.data;
    const url = webUrl(src);
    if (!url) {
      note(`An embedded <${tagOf(el)}> without a web address was left out.`);
      return null;
    }
    return { type: "embed", attrs: { url } };
  };

  const paragraph = (content: Inline[]): ParagraphNode | null => {
    const trimmed = trimInline(content);
    return trimmed.length ? { type: "paragraph", content: trimmed } : null;
  };

  const pushParagraphs = (target: BlockNode[], nodes: ChildNode[], breaks: boolean) => {
    const lifted: BlockNode[] = [];
    const p = paragraph(inline(nodes, [], lifted, breaks));
    if (p) target.push(...splitAtBreaks(p));
    target.push(...lifted);
  };

  /** Text of classic content at block level: blank lines are paragraph breaks, single ones line breaks. */
  const classicRun = (target: BlockNode[], nodes: ChildNode[]) => {
    let run: ChildNode[] = [];
    const flush = () => {
      if (run.length) pushParagraphs(target, run, true);
      run = [];
    };
    for (const node of nodes) {
      if (node.type === "text") {
        const data = (node as unknown as { data: string }).data;
        const parts = data.split(/\n[ \t]*\n/);
        parts.forEach((part, i) => {
          if (i > 0) flush();
          // A bare URL on a line of its own is an oEmbed in WordPress.
          const bare = /^\s*(https?:\/\/\S+)\s*$/.exec(part);
          const url = bare ? webUrl(bare[1]) : null;
          if (url && run.length === 0) target.push({ type: "embed", attrs: { url } });
          else run.push({ ...node, data: part.replace(/^\n+|\n+$/g, "") } as unknown as ChildNode);
        });
      } else run.push(node);
    }
    flush();
  };

  const listFrom = (el: Element, depth: number): ListNode | null => {
    const items: ListItemNode[] = [];
    for (const li of el.children.filter(isElement).filter((c) => tagOf(c) === "li")) {
      const content: (ParagraphNode | ListNode)[] = [];
      const inlineNodes = li.children.filter((c) => !(isElement(c) && (tagOf(c) === "ul" || tagOf(c) === "ol")));
      const lifted: BlockNode[] = [];
      const p = paragraph(inline(inlineNodes, [], lifted, false));
      content.push(p ?? { type: "paragraph" });
      if (lifted.length) note("A photo or embed inside a list was moved below the list.");
      for (const nested of li.children.filter(isElement).filter((c) => tagOf(c) === "ul" || tagOf(c) === "ol")) {
        if (depth < 4) {
          const sub = listFrom(nested, depth + 1);
          if (sub) content.push(sub);
        } else {
          note("A list nested more than four deep was flattened.");
          for (const deep of DomUtils.findAll((e) => tagOf(e) === "li", nested.children)) {
            const dp = paragraph(textNodes(DomUtils.textContent(deep), [], false));
            if (dp) content.push(dp);
          }
        }
      }
      items.push({ type: "listItem", content: content.slice(0, 50) });
      afterList.push(...lifted);
    }
    if (items.length === 0) return null;
    if (items.length > 200) note("A list of more than 200 items was cut to 200; the rest is kept as paragraphs.");
    return { type: tagOf(el) === "ol" ? "orderedList" : "bulletList", content: items.slice(0, 200) };
  };
  let afterList: BlockNode[] = [];

  const blockLevel = (target: BlockNode[], nodes: ChildNode[]) => {
    let run: ChildNode[] = [];
    const flushRun = () => {
      if (run.length === 0) return;
      if (classic) classicRun(target, run);
      else pushParagraphs(target, run, false);
      run = [];
    };
    for (const node of nodes) {
      if (node.type === "comment") {
        const data = (node as unknown as { data: string }).data.trim();
        const dynamic = /^wp:([a-z0-9/-]+)[^]*\/$/.exec(data);
        // The footnotes block lists the post's footnotes meta, which follows the story (footnoteBlocks).
        if (dynamic && !(dynamic[1] === "footnotes" && ctx.footnotes))
          note(`The block “${dynamic[1]}” has no content of its own in the export and was left out.`);
        continue;
      }
      if (!isElement(node)) {
        run.push(node);
        continue;
      }
      const tag = tagOf(node);
      const block =
        /^(p|div|h[1-6]|blockquote|ul|ol|figure|table|pre|hr|section|article|aside|header|footer|main|nav|center|dl|details|address)$/;
      if (!block.test(tag) && !EMBED_TAGS.has(tag) && !DROPPED.has(tag) && tag !== "img") {
        run.push(node);
        continue;
      }
      flushRun();
      if (DROPPED.has(tag)) {
        note(`<${tag}> content was left out.`);
      } else if (tag === "p") {
        if (classic) classicRun(target, node.children);
        else pushParagraphs(target, node.children, false);
      } else if (/^h[1-6]$/.test(tag)) {
        const level = Math.min(4, Math.max(2, Number(tag[1]))) as 2 | 3 | 4;
        const lifted: BlockNode[] = [];
        const content = trimInline(inline(node.children, [], lifted, false));
        if (content.length) target.push({ type: "heading", attrs: { level }, content });
        target.push(...lifted);
      } else if (tag === "blockquote") {
        const inner: BlockNode[] = [];
        blockLevel(inner, node.children);
        const paragraphs = inner.flatMap((b): ParagraphNode[] =>
          b.type === "paragraph" ? [b] : b.type === "heading" ? [{ type: "paragraph", content: b.content }] : [],
        );
        const others = inner.filter((b) => b.type !== "paragraph" && b.type !== "heading");
        for (const other of others) {
          if (other.type === "image" || other.type === "embed") continue;
          const text = textOfBlock(other);
          if (text) paragraphs.push({ type: "paragraph", content: [{ type: "text", text: text.slice(0, MAX_TEXT) }] });
        }
        if (paragraphs.length) target.push({ type: "blockquote", content: paragraphs.slice(0, 50) });
        target.push(...others.filter((b) => b.type === "image" || b.type === "embed"));
      } else if (tag === "ul" || tag === "ol") {
        afterList = [];
        const list = listFrom(node, 1);
        if (list) target.push(list);
        target.push(...afterList);
      } else if (tag === "img") {
        const photo = photoFor(node);
        if (photo) target.push(photo);
      } else if (EMBED_TAGS.has(tag)) {
        const embed = embedFor(node);
        if (embed) target.push(embed);
      } else if (tag === "figure") {
        figure(target, node);
      } else if (tag === "table" || tag === "pre" || tag === "dl") {
        note(`A <${tag}> was kept as plain text.`);
        const rows = tag === "table" ? DomUtils.findAll((e) => tagOf(e) === "tr", node.children) : [node];
        for (const row of rows) {
          const text =
            tag === "table"
              ? row.children
                  .filter(isElement)
                  .map((cell) => DomUtils.textContent(cell).replace(/\s+/g, " ").trim())
                  .join(" | ")
              : DomUtils.textContent(row);
          const p = paragraph(textNodes(text, [], tag === "pre"));
          // Agate is often typed in a <pre>: a line each.
          if (p) target.push(...splitAtBreaks(p));
        }
      } else if (tag === "hr") {
        // A separator: nothing to keep.
      } else {
        blockLevel(target, node.children);
      }
    }
    flushRun();
  };

  const figure = (target: BlockNode[], el: Element) => {
    const cls = el.attribs.class ?? "";
    const caption = DomUtils.findOne((e) => tagOf(e) === "figcaption", el.children);
    const captionText = caption ? DomUtils.textContent(caption).replace(/\s+/g, " ").trim() : "";
    if (/wp-block-embed/.test(cls)) {
      const wrapper = DomUtils.findOne((e) => /wp-block-embed__wrapper/.test(e.attribs.class ?? ""), el.children);
      const url = webUrl(wrapper ? DomUtils.textContent(wrapper) : "");
      if (url) {
        target.push({ type: "embed", attrs: { url } });
        return;
      }
    }
    const img = DomUtils.findOne((e) => tagOf(e) === "img", el.children);
    if (img) {
      const photo = photoFor(img);
      if (photo && photo.type === "image") {
        if (captionText) photo.attrs.caption = captionText.slice(0, 2000);
        target.push(photo);
      } else if (captionText) pushParagraphs(target, caption!.children, false);
      const more = DomUtils.findAll((e) => tagOf(e) === "img", el.children).slice(1);
      if (more.length) note("A gallery of photos was imported as separate photos.");
      for (const other of more) {
        const extra = photoFor(other);
        if (extra) target.push(extra);
      }
      return;
    }
    const embedEl = DomUtils.findOne((e) => EMBED_TAGS.has(tagOf(e)), el.children);
    if (embedEl) {
      const embed = embedFor(embedEl);
      if (embed) target.push(embed);
      return;
    }
    blockLevel(
      target,
      el.children.filter((c) => c !== caption),
    );
    if (caption) pushParagraphs(target, caption.children, false);
  };

  /** The footnotes under a heading at the end of the story (in its language), numbered as WordPress's footnotes block numbers them; their HTML is read as a paragraph's. */
  const footnoteBlocks = (notes: Footnote[]): BlockNode[] => {
    if (notes.length > MAX_FOOTNOTES) note(`It has more than ${MAX_FOOTNOTES} footnotes: the notes past ${MAX_FOOTNOTES} were left out.`);
    const lifted: BlockNode[] = [];
    const items = notes.slice(0, MAX_FOOTNOTES).map((footnote): ListItemNode => {
      const nodes = parseDocument(shallowHtml(footnote.content).html, { decodeEntities: true }).children;
      return { type: "listItem", content: [paragraph(inline(nodes, [], lifted, false)) ?? { type: "paragraph" }] };
    });
    if (lifted.length) note("A photo or embed in a footnote was moved below the notes.");
    return [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: notesHeading(ctx.language) }] },
      { type: "orderedList", content: items },
      ...lifted,
    ];
  };

  blockLevel(blocks, doc.children);
  if (footnotes?.length) blocks.push(...footnoteBlocks(footnotes));
  const content = blocks.slice(0, 5000);
  if (blocks.length > 5000) note("The body had more than 5000 blocks; the rest was left out.");
  return { doc: { type: "doc", content }, notes: [...notes] };
}

function withMark(marks: Mark[], mark: Mark): Mark[] {
  const rest = marks.filter((m) => m.type !== mark.type);
  return [...rest, mark].slice(-3);
}

/**
 * A paragraph of more pieces than a story's paragraph holds (agate: a results table typed as a
 * thousand lines with <br>) becomes several, each ending at one of its line breaks; a run with no
 * break is cut where the limit falls. Nothing is dropped but the breaks the cuts fall on.
 */
export function splitAtBreaks(p: ParagraphNode): ParagraphNode[] {
  const content = p.content ?? [];
  if (content.length <= MAX_INLINE) return [p];
  const out: ParagraphNode[] = [];
  let run: Inline[] = [];
  const flush = () => {
    const trimmed = trimInline(run);
    if (trimmed.length) out.push({ type: "paragraph", content: trimmed });
    run = [];
  };
  for (const node of content) {
    if ((node.type === "hardBreak" && run.length >= MAX_INLINE / 2) || run.length >= MAX_INLINE) flush();
    run.push(node);
  }
  flush();
  return out;
}

/** Drops leading and trailing breaks and blanks, and merges neighbouring texts with the same marks. */
function trimInline(content: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const node of content) {
    const last = merged.at(-1);
    if (
      node.type === "text" &&
      last?.type === "text" &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? []) &&
      last.text.length + node.text.length <= MAX_TEXT
    ) {
      merged[merged.length - 1] = { ...last, text: last.text + node.text };
    } else merged.push(node);
  }
  while (merged.length && (merged[0]!.type === "hardBreak" || (merged[0]!.type === "text" && !merged[0]!.text.trim()))) merged.shift();
  while (
    merged.length &&
    (merged.at(-1)!.type === "hardBreak" || (merged.at(-1)!.type === "text" && !(merged.at(-1) as TextNode).text.trim()))
  )
    merged.pop();
  if (merged[0]?.type === "text") merged[0] = { ...merged[0], text: merged[0].text.replace(/^\s+/, "") };
  const last = merged.at(-1);
  if (last?.type === "text") merged[merged.length - 1] = { ...last, text: last.text.replace(/\s+$/, "") };
  return merged.filter((n) => n.type !== "text" || n.text.length > 0);
}

function textOfBlock(block: BlockNode): string {
  const walk = (node: unknown): string => {
    const n = node as { type?: string; text?: string; content?: unknown[] };
    if (n.type === "text") return n.text ?? "";
    return (n.content ?? []).map(walk).join(n.type === "listItem" || n.type?.endsWith("List") ? "\n" : "");
  };
  return walk(block).trim();
}

/** Plain text of a bit of HTML (titles and excerpts carry entities and sometimes tags). */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, " ").trim();
  const doc = parseDocument(shallowHtml(html).html, { decodeEntities: true });
  DomUtils.findAll((e) => DROPPED.has(tagOf(e)), doc.children).forEach((e) => DomUtils.removeElement(e));
  return DomUtils.textContent(doc).replace(/\s+/g, " ").trim();
}
