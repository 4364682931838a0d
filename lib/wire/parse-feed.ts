import type { ParsedWireItem, ParsedWirePhoto } from "./schema";
import { elements, find, innerHtml, parseXml, textOf, type XmlElement } from "./xml";
import { altFromCaption, clean, dateOf, textToHtml, webLink } from "./parse-common";
import { WireStatus } from "../generated/prisma/enums";

/**
 * RSS 2.0 items and Atom entries. Feeds carry no version numbers: an entry's version is its
 * update time (Atom `updated`, RSS `pubDate`) in seconds, so an entry the feed changes replaces
 * the stored one and an unchanged entry is ignored. Photos: enclosures of an image type and
 * Media RSS `media:content` (with `media:description` as caption and `media:credit`).
 */
const ATOM = "http://www.w3.org/2005/Atom";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const MEDIA = "http://search.yahoo.com/mrss/";
const DC = "http://purl.org/dc/elements/1.1/";

const ns = (e: XmlElement | undefined, uri: string, local: string) => elements(e).find((c) => c.uri === uri && c.local === local);
const plain = (e: XmlElement | undefined, local: string) => elements(e).find((c) => c.uri === "" && c.local === local);

function versionFrom(date: Date | null): number {
  return date ? Math.max(1, Math.floor(date.getTime() / 1000)) : 1;
}

function mediaPhotos(entry: XmlElement): ParsedWirePhoto[] {
  const photos: ParsedWirePhoto[] = [];
  const group = ns(entry, MEDIA, "group");
  for (const m of [...elements(entry), ...elements(group)].filter((c) => c.uri === MEDIA && c.local === "content")) {
    if (m.attrs.medium && m.attrs.medium !== "image") continue;
    if (!m.attrs.medium && m.attrs.type && !m.attrs.type.startsWith("image/")) continue;
    const caption = clean(textOf(ns(m, MEDIA, "description") ?? ns(entry, MEDIA, "description")), 2000);
    photos.push({
      href: clean(m.attrs.url, 2048),
      caption,
      credit: clean(textOf(ns(m, MEDIA, "credit") ?? ns(entry, MEDIA, "credit")), 200),
      rights: clean(textOf(ns(m, MEDIA, "copyright") ?? ns(entry, MEDIA, "copyright")), 300),
      altText: altFromCaption(caption),
      mimeType: clean(m.attrs.type, 100),
    });
  }
  for (const e of elements(entry).filter(
    (c) => (c.local === "enclosure" && c.uri === "") || (c.uri === ATOM && c.local === "link" && c.attrs.rel === "enclosure"),
  )) {
    const type = e.attrs.type ?? "";
    const href = clean(e.attrs.url ?? e.attrs.href, 2048);
    if (!type.startsWith("image/") || !href || photos.some((p) => p.href === href)) continue;
    photos.push({ href, caption: "", credit: "", rights: "", altText: "", mimeType: type });
  }
  return photos.filter((p) => webLink(p.href));
}

function rssItem(item: XmlElement, raw: string, agency: string): ParsedWireItem {
  const link = webLink(textOf(plain(item, "link")));
  const guid = clean(textOf(plain(item, "guid")), 500) || link || "";
  if (!guid) throw new Error("An RSS item has neither a guid nor a link.");
  const date = dateOf(textOf(plain(item, "pubDate"))) ?? dateOf(textOf(ns(item, DC, "date")));
  const encoded = ns(item, CONTENT, "encoded");
  const description = plain(item, "description");
  return {
    format: "rss",
    guid,
    version: versionFrom(date),
    agency,
    headline: clean(textOf(plain(item, "title")), 500) || "(no headline)",
    bodyHtml: textOf(encoded) || textOf(description),
    byline: clean(textOf(ns(item, DC, "creator")) || textOf(plain(item, "author")), 300),
    dateline: "",
    priority: null,
    urgency: null,
    embargoAt: null,
    language: "",
    link,
    status: WireStatus.USABLE,
    statusNote: "",
    versionAt: date,
    photos: mediaPhotos(item),
    raw,
  };
}

function atomEntry(entry: XmlElement, raw: string, agency: string): ParsedWireItem {
  const a = (local: string) => ns(entry, ATOM, local);
  const links = elements(entry).filter((c) => c.uri === ATOM && c.local === "link");
  const link = webLink((links.find((l) => !l.attrs.rel || l.attrs.rel === "alternate") ?? links[0])?.attrs.href);
  const guid = clean(textOf(a("id")), 500) || link || "";
  if (!guid) throw new Error("An Atom entry has neither an id nor a link.");
  const date = dateOf(textOf(a("updated"))) ?? dateOf(textOf(a("published")));
  const content = a("content") ?? a("summary");
  const type = content?.attrs.type ?? "text";
  const bodyHtml = !content
    ? ""
    : type === "xhtml"
      ? innerHtml(find(content, "div") ?? content)
      : type === "html"
        ? textOf(content)
        : textToHtml(textOf(content));
  const authors = elements(entry)
    .filter((c) => c.uri === ATOM && c.local === "author")
    .map((au) => clean(textOf(ns(au, ATOM, "name")), 100))
    .filter(Boolean);
  return {
    format: "atom",
    guid,
    version: versionFrom(date),
    agency,
    headline: clean(textOf(a("title")), 500) || "(no headline)",
    bodyHtml,
    byline: authors.join(", "),
    dateline: "",
    priority: null,
    urgency: null,
    embargoAt: null,
    language: clean(entry.attrs["xml:lang"], 20),
    link,
    status: WireStatus.USABLE,
    statusNote: "",
    versionAt: date,
    photos: mediaPhotos(entry),
    raw,
  };
}

/** Every item of an RSS 2.0 or Atom document; `agency` names whose copy it is (the feed's setting, else its title). */
export function parseFeed(text: string, defaults: { agency?: string } = {}): ParsedWireItem[] {
  const root = parseXml(text);
  if (root.local === "rss") {
    const channel = plain(root, "channel");
    const agency = defaults.agency || clean(textOf(plain(channel, "title")), 100) || "Feed";
    return elements(channel, "item").map((item) => rssItem(item, serialize(item), agency));
  }
  if (root.local === "feed" && root.uri === ATOM) {
    const agency = defaults.agency || clean(textOf(ns(root, ATOM, "title")), 100) || "Feed";
    return elements(root, "entry")
      .filter((e) => e.uri === ATOM)
      .map((entry) => atomEntry(entry, serialize(entry), agency));
  }
  if (root.local === "entry" && root.uri === ATOM) return [atomEntry(root, text, defaults.agency || "Feed")];
  throw new Error("This XML is not a wire document: send NewsML-G2 (a newsItem or newsMessage), RSS 2.0 or Atom.");
}

/** An entry's own XML, kept as the item's raw document. */
function serialize(e: XmlElement): string {
  return `<${e.local}>${innerHtml(e)}</${e.local}>`;
}
