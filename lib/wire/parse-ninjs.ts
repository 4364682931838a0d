import type { ParsedWireItem, ParsedWirePhoto } from "./schema";
import { altFromCaption, clean, joinRights, dateOf, rank, statusOf, textToHtml, versionOf, webLink } from "./parse-common";

/**
 * ninjs (IPTC News in JSON) 2.x, with the 1.x names read too: `headlines`/`headline`,
 * `bodies`/`body_html`/`body_text`, `bylines`/`byline`, `descriptions`/`description_text`,
 * `associations` as an array (2.x) or an object (1.x), `renditions` likewise. `pubstatus`
 * "canceled" is a kill, "withheld" a withdrawal.
 */
type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : v && typeof v === "object" ? Object.values(v).map(obj) : []);

/** The value of the entry with `role` (or the first) of a ninjs 2.x list such as `headlines`. */
function roleValue(list: unknown, role?: string): { value: string; contenttype: string } | null {
  const items = arr(list);
  const chosen = (role ? items.find((i) => i.role === role) : undefined) ?? items[0];
  if (!chosen || typeof chosen.value !== "string") return null;
  return { value: chosen.value, contenttype: typeof chosen.contenttype === "string" ? chosen.contenttype : "" };
}

function bylineOf(item: Json): string {
  const list = arr(item.bylines)
    .map((b) => clean(b.byline ?? b.name, 300))
    .filter(Boolean);
  return list.length ? list.join(", ") : clean(item.byline, 300);
}

function rightsOf(item: Json): string {
  const rights = obj(arr(item.rightsinfo)[0] ?? item.rightsinfo);
  return joinRights(clean(item.copyrightnotice ?? rights.copyrightnotice, 300), clean(item.usageterms ?? rights.usageterms, 1000));
}

function agencyOf(item: Json): string {
  const source = arr(item.infosources).find((s) => !s.role || /source|originat|supplier/i.test(String(s.role))) ?? arr(item.infosources)[0];
  return clean(source?.name ?? item.copyrightholder ?? obj(item.rightsinfo).copyrightholder, 100);
}

function photoOf(picture: Json): ParsedWirePhoto | null {
  const renditions = arr(picture.renditions);
  const best =
    renditions.find((r) => /^(original|highres|baseimage)$/i.test(String(r.name ?? ""))) ??
    [...renditions].sort((a, b) => (Number(b.width) || 0) - (Number(a.width) || 0))[0];
  const href = clean(best?.href ?? picture.uri, 2048);
  if (!href) return null;
  const caption = clean(roleValue(picture.descriptions, "caption")?.value ?? picture.description_text ?? picture.body_text, 2000);
  const credit = clean(picture.creditline, 200) || bylineOf(picture) || clean(picture.copyrightholder, 200);
  const alt = clean(roleValue(picture.descriptions, "alt")?.value ?? picture.alt_text, 500);
  return {
    href,
    caption,
    credit: credit.slice(0, 200),
    rights: rightsOf(picture),
    altText: alt || altFromCaption(caption),
    mimeType: clean(best?.contenttype ?? best?.mimetype, 100),
  };
}

export function parseNinjs(text: string, defaults: { agency?: string } = {}): ParsedWireItem {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("The ninjs document is not valid JSON.");
  }
  const item = obj(data);
  const guid = clean(item.guid ?? item.uri, 500);
  if (!guid) throw new Error("The ninjs document has no uri (the item's identifier).");
  const headline = clean(roleValue(item.headlines, "main")?.value ?? item.headline, 500);
  const body =
    roleValue(item.bodies, "main") ?? (typeof item.body_html === "string" ? { value: item.body_html, contenttype: "text/html" } : null);
  const bodyHtml = body
    ? /html/i.test(body.contenttype) || (!body.contenttype && /<p[\s>]/i.test(body.value))
      ? body.value
      : textToHtml(body.value)
    : typeof item.body_text === "string"
      ? textToHtml(item.body_text)
      : "";
  const photos = arr(item.associations)
    .filter((a) => !a.type || a.type === "picture" || a.type === "image")
    .map(photoOf)
    .filter((p): p is ParsedWirePhoto => p !== null);
  // A picture item on its own is an item too: its caption is its copy, and it is its own photo.
  if (item.type === "picture" || item.type === "image") {
    const self = photoOf(item);
    if (self) photos.unshift(self);
  }
  const located = typeof item.located === "string" ? item.located : clean(obj(arr(item.places)[0]).name, 100);
  const status = clean(item.pubstatus, 40) || "usable";
  return {
    format: "ninjs",
    guid,
    version: versionOf(item.version),
    agency: agencyOf(item) || defaults.agency || "Wire",
    headline: headline || clean(roleValue(item.descriptions)?.value, 200) || "(no headline)",
    bodyHtml: bodyHtml || (item.type === "picture" ? textToHtml(photos[0]?.caption ?? "") : ""),
    byline: bylineOf(item),
    dateline: clean(item.dateline ?? located, 100),
    priority: rank(item.priority),
    urgency: rank(item.urgency),
    embargoAt: dateOf(item.embargoed),
    language: clean(item.language, 20),
    link: webLink(item.uri) ?? webLink(obj(arr(item.links).find((l) => l.rel === "self" || l.rel === "canonical")).href),
    status: statusOf(status),
    statusNote: clean(item.ednote ?? obj(arr(item.descriptions).find((d) => d.role === "ednote")).value, 1000),
    versionAt: dateOf(item.versioncreated) ?? dateOf(item.firstcreated),
    photos,
    raw: text,
  };
}
