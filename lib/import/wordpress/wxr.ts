import fs from "node:fs";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { xmlReadable } from "../../format/text";

/**
 * A streaming reader of WordPress eXtended RSS (WXR 1.0, 1.1 and 1.2), the file WordPress's
 * Tools → Export writes. The file is read in chunks and each `<item>`, `<wp:author>`,
 * `<wp:category>`, `<wp:tag>` and `<wp:term>` is handed over as soon as it closes, so a
 * multi-gigabyte export never sits in memory: only the element being read does.
 *
 * Elements are recognised by namespace URI, not by prefix (an export may bind `wp` to
 * http://wordpress.org/export/1.1/ or /1.2/, or use other prefixes).
 */

export type WxrCategoryRef = { domain: string; nicename: string; name: string };

export type WxrItem = {
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postModifiedGmt: string;
  postName: string;
  status: string;
  postParent: string;
  postType: string;
  attachmentUrl: string;
  categories: WxrCategoryRef[];
  meta: Record<string, string>;
};

export type WxrAuthor = { id: string; login: string; email: string; displayName: string; firstName: string; lastName: string };
export type WxrTerm = {
  /** category, post_tag, or another taxonomy (wp:term) */
  taxonomy: string;
  id: string;
  slug: string;
  parent: string;
  name: string;
  description: string;
};

export type WxrEvent =
  | { type: "site"; baseSiteUrl: string; baseBlogUrl: string; wxrVersion: string; title: string; language: string }
  | { type: "author"; author: WxrAuthor }
  | { type: "term"; term: WxrTerm }
  | { type: "item"; item: WxrItem };

/** A single field larger than this is refused (no real post is this long; a hostile file could be). */
export const MAX_FIELD_CHARS = 8_000_000;
/** Elements open at once: an export nests about 6 (rss, channel, item, wp:postmeta, wp:meta_value). */
export const MAX_WXR_DEPTH = 48;

export class WxrError extends Error {}

const NS_CONTENT = "http://purl.org/rss/1.0/modules/content/";
const NS_DC = "http://purl.org/dc/elements/1.1/";

/** `wp:post_id`, `content:encoded`, `excerpt:encoded`, `dc:creator` or the plain RSS name. */
function qualified(tag: SaxesTagNS): string {
  const uri = tag.uri ?? "";
  if (uri.startsWith("http://wordpress.org/export/")) return (uri.endsWith("/excerpt/") ? "excerpt:" : "wp:") + tag.local;
  if (uri === NS_CONTENT) return `content:${tag.local}`;
  if (uri === NS_DC) return `dc:${tag.local}`;
  return uri ? `{${uri}}${tag.local}` : tag.local;
}

type Frame = { name: string; text: string; attrs: Record<string, string> };

const emptyItem = (): WxrItem => ({
  title: "",
  link: "",
  guid: "",
  creator: "",
  content: "",
  excerpt: "",
  postId: "",
  postDate: "",
  postDateGmt: "",
  postModifiedGmt: "",
  postName: "",
  status: "",
  postParent: "0",
  postType: "",
  attachmentUrl: "",
  categories: [],
  meta: {},
});

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: "title",
  link: "link",
  guid: "guid",
  "dc:creator": "creator",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:post_id": "postId",
  "wp:post_date": "postDate",
  "wp:post_date_gmt": "postDateGmt",
  "wp:post_modified_gmt": "postModifiedGmt",
  "wp:post_name": "postName",
  "wp:status": "status",
  "wp:post_parent": "postParent",
  "wp:post_type": "postType",
  "wp:attachment_url": "attachmentUrl",
};

/** The start of a character reference cut off at the end of a chunk (`&`, `&#`, `&#x1`…). */
const REFERENCE_START = /^&(?:#(?:x[0-9a-fA-F]*|[0-9]*))?$/;
/** Held for the next chunk: a longer run of digits is no reference WordPress writes, and is read as it stands. */
const MAX_REFERENCE_START = 16;

/** Where a character reference cut off at the end of `text` starts (the rest waits for the next chunk), or its length. */
function referenceCut(text: string): number {
  const at = text.lastIndexOf("&");
  return at >= 0 && text.length - at <= MAX_REFERENCE_START && REFERENCE_START.test(text.slice(at)) ? at : text.length;
}

/** Reads a WXR file as a stream of events. Throws WxrError for a file that is not well-formed XML or not an export. */
export async function* readWxr(file: string, options: { highWaterMark?: number } = {}): AsyncGenerator<WxrEvent> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const queue: WxrEvent[] = [];
  const stack: Frame[] = [];
  let item: WxrItem | null = null;
  let meta: { key: string; value: string } | null = null;
  let author: Partial<WxrAuthor> | null = null;
  let term: Partial<WxrTerm> | null = null;
  const site = { baseSiteUrl: "", baseBlogUrl: "", wxrVersion: "", title: "", language: "" };
  let siteSent = false;
  let sawRss = false;
  let failure: Error | null = null;

  const sendSite = () => {
    if (siteSent) return;
    siteSent = true;
    queue.push({ type: "site", ...site });
  };

  parser.on("error", (error) => {
    failure ??= new WxrError(`The file is not well-formed XML (${error.message}).`);
  });
  parser.on("opentag", (tag) => {
    // Thrown out of parser.write, so nothing after it is read: saxes looks up each tag's namespace
    // through every open tag, and a file of 100,000 levels froze each process that took the job.
    if (stack.length >= MAX_WXR_DEPTH)
      throw new WxrError(`The file nests more than ${MAX_WXR_DEPTH} elements deep; a WordPress export nests about 6.`);
    const name = qualified(tag);
    if (stack.length === 0) {
      if (name !== "rss") failure ??= new WxrError("This is not a WordPress export: its root element is not <rss>.");
      sawRss = true;
    }
    const attrs: Record<string, string> = {};
    for (const [key, attr] of Object.entries(tag.attributes)) attrs[key] = typeof attr === "string" ? attr : attr.value;
    stack.push({ name, text: "", attrs });
    if (name === "item") {
      sendSite();
      item = emptyItem();
    } else if (name === "wp:postmeta" && item) meta = { key: "", value: "" };
    else if (name === "wp:author" && !item) author = {};
    else if ((name === "wp:category" || name === "wp:tag" || name === "wp:term") && !item) {
      term = { taxonomy: name === "wp:category" ? "category" : name === "wp:tag" ? "post_tag" : "" };
    }
  });
  const onText = (text: string) => {
    const top = stack.at(-1);
    if (!top) return;
    if (top.text.length + text.length > MAX_FIELD_CHARS) {
      failure ??= new WxrError(`An element <${top.name}> is longer than ${MAX_FIELD_CHARS} characters; the file was refused.`);
      return;
    }
    top.text += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    const frame = stack.pop();
    if (!frame) return;
    const parent = stack.at(-1)?.name;
    const { name, text } = frame;
    if (item) {
      if (name === "item") {
        queue.push({ type: "item", item });
        item = null;
      } else if (name === "wp:postmeta") {
        if (meta?.key) item.meta[meta.key] = meta.value;
        meta = null;
      } else if (meta && parent === "wp:postmeta") {
        if (name === "wp:meta_key") meta.key = text.trim();
        else if (name === "wp:meta_value") meta.value = text;
      } else if (name === "category" && parent === "item") {
        item.categories.push({ domain: frame.attrs.domain ?? "", nicename: frame.attrs.nicename ?? "", name: text.trim() });
      } else if (parent === "item" && ITEM_FIELDS[name]) {
        (item[ITEM_FIELDS[name]] as string) = name === "content:encoded" || name === "excerpt:encoded" ? text : text.trim();
      }
      return;
    }
    if (author) {
      if (name === "wp:author") {
        sendSite();
        queue.push({
          type: "author",
          author: {
            id: author.id ?? "",
            login: author.login ?? "",
            email: author.email ?? "",
            displayName: author.displayName ?? "",
            firstName: author.firstName ?? "",
            lastName: author.lastName ?? "",
          },
        });
        author = null;
      } else {
        const field = (
          {
            "wp:author_id": "id",
            "wp:author_login": "login",
            "wp:author_email": "email",
            "wp:author_display_name": "displayName",
            "wp:author_first_name": "firstName",
            "wp:author_last_name": "lastName",
          } as Record<string, keyof WxrAuthor>
        )[name];
        if (field) author[field] = text.trim();
      }
      return;
    }
    if (term) {
      if (name === "wp:category" || name === "wp:tag" || name === "wp:term") {
        sendSite();
        queue.push({
          type: "term",
          term: {
            taxonomy: term.taxonomy ?? "",
            id: term.id ?? "",
            slug: term.slug ?? "",
            parent: term.parent ?? "",
            name: term.name ?? "",
            description: term.description ?? "",
          },
        });
        term = null;
      } else {
        const value = text.trim();
        if (name === "wp:term_id") term.id = value;
        else if (name === "wp:category_nicename" || name === "wp:tag_slug" || name === "wp:term_slug") term.slug = value;
        else if (name === "wp:category_parent" || name === "wp:term_parent") term.parent = value;
        else if (name === "wp:cat_name" || name === "wp:tag_name" || name === "wp:term_name") term.name = value;
        else if (name === "wp:category_description" || name === "wp:tag_description" || name === "wp:term_description")
          term.description = value;
        else if (name === "wp:term_taxonomy") term.taxonomy = value;
      }
      return;
    }
    if (parent === "channel") {
      if (name === "wp:base_site_url") site.baseSiteUrl = text.trim();
      else if (name === "wp:base_blog_url") site.baseBlogUrl = text.trim();
      else if (name === "wp:wxr_version") site.wxrVersion = text.trim();
      else if (name === "title") site.title = text.trim();
      else if (name === "language") site.language = text.trim().slice(0, 40);
    }
  });

  const stream = fs.createReadStream(file, { encoding: "utf8", highWaterMark: options.highWaterMark ?? 256 * 1024 });
  try {
    let held = "";
    for await (const chunk of stream) {
      // A control character XML forbids (a vertical tab pasted from Word into one post), or a
      // reference to one, refused the whole archive: it becomes a line break or goes, as in any
      // text typed on the desk.
      const text = held + (chunk as string);
      const cut = referenceCut(text);
      held = text.slice(cut);
      parser.write(xmlReadable(text.slice(0, cut)));
      if (failure) throw failure;
      while (queue.length > 0) yield queue.shift()!;
    }
    parser.write(xmlReadable(held)).close();
    if (failure) throw failure;
    if (!sawRss) throw new WxrError("The file is empty.");
    sendSite();
    while (queue.length > 0) yield queue.shift()!;
  } finally {
    stream.destroy();
  }
}
