import { xmlEscape } from "../format/text";
import { PUBLIC_CACHE_CONTROL } from "../cache/http-policy";

export type XmlNode =
  string | { tag: string; attrs?: Record<string, string>; children?: XmlNode[] | string | undefined } | null | undefined | false;

/** Renders a small XML tree; every text and attribute value is escaped. */
export function xml(node: XmlNode): string {
  if (!node) return "";
  if (typeof node === "string") return xmlEscape(node);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join("");
  const children = typeof node.children === "string" ? xmlEscape(node.children) : (node.children ?? []).map(xml).join("");
  return `<${node.tag}${attrs}>${children}</${node.tag}>`;
}

export const xmlDocument = (root: XmlNode) => `<?xml version="1.0" encoding="UTF-8"?>\n${xml(root)}\n`;

/** Feeds, sitemaps and robots.txt: cacheable by a CDN for a minute, served stale for five while refreshed. */
export function xmlResponse(body: string, type = "application/xml") {
  return new Response(body, {
    headers: { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": PUBLIC_CACHE_CONTROL },
  });
}
