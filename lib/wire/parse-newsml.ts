import type { ParsedWireItem, ParsedWirePhoto } from "./schema";
import { child, elements, find, innerHtml, parseXml, textOf, type XmlElement } from "./xml";
import { altFromCaption, clean, joinRights, dateOf, rank, statusOf, textToHtml, versionOf, webLink } from "./parse-common";

/**
 * NewsML-G2 (IPTC), text and picture items: a `newsItem` on its own, or a `newsMessage` whose
 * itemSet holds a text item and the picture items that go with it (each picture becomes a photo
 * of the text item; a message of pictures only gives one item per picture). The copy is the
 * `inlineXML` XHTML (or `inlineData` text); pubStatus stat:canceled, or a kill signal, is a kill;
 * stat:withheld a withdrawal.
 */
export const NAR_NS = "http://iptc.org/std/nar/2006-10-01/";

const qcodeOf = (e: XmlElement | undefined) => e?.attrs.qcode ?? e?.attrs.literal ?? "";
const isPicture = (item: XmlElement) => /picture|graphic/i.test(qcodeOf(find(child(item, "itemMeta"), "itemClass")));

function rightsOf(item: XmlElement): { holder: string; text: string } {
  const info = child(item, "rightsInfo");
  return {
    holder: clean(textOf(find(info, "copyrightHolder")), 200),
    text: joinRights(clean(textOf(child(info, "copyrightNotice")), 300), clean(textOf(child(info, "usageTerms")), 1000)),
  };
}

function descriptionOf(meta: XmlElement | undefined, role: RegExp): string {
  const all = elements(meta, "description");
  return clean(textOf(all.find((d) => role.test(d.attrs.role ?? "")) ?? all[0]), 2000);
}

function photoOf(item: XmlElement): ParsedWirePhoto | null {
  const meta = child(item, "contentMeta");
  const remotes = elements(child(item, "contentSet"), "remoteContent");
  const best =
    remotes.find((r) => /highres|original|baseImage/i.test(r.attrs.rendition ?? "")) ??
    [...remotes].sort((a, b) => (Number(b.attrs.width) || 0) - (Number(a.attrs.width) || 0))[0];
  const href = clean(best?.attrs.href ?? best?.attrs.residref, 2048);
  if (!href) return null;
  const caption = descriptionOf(meta, /caption/i) || clean(textOf(child(meta, "headline")), 2000);
  const credit = clean(textOf(child(meta, "creditline")), 200) || clean(textOf(child(meta, "by")), 200) || rightsOf(item).holder;
  return {
    href,
    caption,
    credit,
    rights: rightsOf(item).text,
    altText: clean(textOf(elements(meta, "description").find((d) => /alt/i.test(d.attrs.role ?? ""))), 500) || altFromCaption(caption),
    mimeType: clean(best?.attrs.contenttype, 100),
  };
}

function bodyOf(item: XmlElement): string {
  const set = child(item, "contentSet");
  const inline = child(set, "inlineXML");
  if (inline) {
    const body = find(inline, "body") ?? inline;
    return innerHtml(body);
  }
  const data = child(set, "inlineData");
  return data ? textToHtml(textOf(data)) : "";
}

function itemOf(
  item: XmlElement,
  raw: string,
  extra: { priority: number | null; photos: ParsedWirePhoto[]; agency?: string },
): ParsedWireItem {
  const guid = clean(item.attrs.guid, 500);
  if (!guid) throw new Error("The NewsML-G2 item has no guid.");
  const itemMeta = child(item, "itemMeta");
  const meta = child(item, "contentMeta");
  const pubStatus = qcodeOf(child(itemMeta, "pubStatus"));
  const kill = elements(itemMeta, "signal").some((s) => /(^|:)(kill|cancel)/i.test(qcodeOf(s)));
  const status = kill ? statusOf("canceled") : statusOf(pubStatus || "usable");
  const provider = child(itemMeta, "provider");
  const agency = clean(textOf(child(provider, "name")) || qcodeOf(provider).replace(/^[^:]*:/, ""), 100);
  const picture = isPicture(item);
  const photos = picture ? [photoOf(item)].filter((p): p is ParsedWirePhoto => p !== null) : extra.photos;
  const bylines = elements(meta, "by")
    .map((b) => clean(textOf(b), 300))
    .filter(Boolean);
  const dateline = clean(textOf(child(meta, "dateline")), 100) || clean(textOf(child(child(meta, "located"), "name")), 100);
  const language = clean(child(meta, "language")?.attrs.tag ?? item.attrs["xml:lang"], 20);
  const link = elements(itemMeta, "link").find((l) => /self|canonical|seeAlso/i.test(l.attrs.rel ?? ""))?.attrs.href;
  const headline = clean(textOf(child(meta, "headline")), 500);
  return {
    format: "newsml-g2",
    guid,
    version: versionOf(item.attrs.version),
    agency: agency || extra.agency || "Wire",
    headline: headline || (picture ? photos[0]?.caption.slice(0, 200) : "") || "(no headline)",
    bodyHtml: picture ? textToHtml(photos[0]?.caption ?? "") : bodyOf(item),
    byline: picture ? "" : bylines.join(", "),
    dateline,
    priority: extra.priority ?? rank(textOf(child(itemMeta, "priority"))),
    urgency: rank(textOf(child(meta, "urgency"))),
    embargoAt: dateOf(textOf(child(itemMeta, "embargoed"))),
    language,
    link: webLink(link),
    status,
    statusNote: clean(textOf(child(itemMeta, "edNote")), 1000),
    versionAt: dateOf(textOf(child(itemMeta, "versionCreated"))),
    photos,
    raw,
  };
}

export function parseNewsMl(text: string, defaults: { agency?: string } = {}): ParsedWireItem[] {
  const root = parseXml(text);
  if (root.uri && root.uri !== NAR_NS) throw new Error("This XML is not NewsML-G2 (its namespace is not IPTC's).");
  if (root.local === "newsItem") return [itemOf(root, text, { priority: null, photos: [], agency: defaults.agency })];
  if (root.local !== "newsMessage")
    throw new Error(`This XML is not a NewsML-G2 item or message (its root is <${root.local.slice(0, 40)}>).`);
  const priority = rank(textOf(child(child(root, "header"), "priority")));
  const items = elements(child(root, "itemSet"), "newsItem");
  const texts = items.filter((i) => !isPicture(i));
  const pictures = items.filter(isPicture);
  if (texts.length === 0) return pictures.map((p) => itemOf(p, text, { priority, photos: [], agency: defaults.agency }));
  const photos = pictures.map(photoOf).filter((p): p is ParsedWirePhoto => p !== null);
  // Pictures go with the first text item of the message (agencies send one story per message).
  return texts.map((t, i) => itemOf(t, text, { priority, photos: i === 0 ? photos : [], agency: defaults.agency }));
}
