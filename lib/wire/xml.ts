import { SaxesParser } from "saxes";
import { xmlReadable } from "../format/text";

/**
 * A small element tree read with saxes (the XML parser the WordPress import uses): namespaces
 * resolved, entities decoded, no DTDs or external entities (saxes reads neither), and a cap on
 * size and depth so a hostile document cannot exhaust memory. Wire documents are small (one item,
 * or one message of a few items), so a tree is simpler than the import's streaming reader.
 */
export type XmlElement = { uri: string; local: string; attrs: Record<string, string>; children: XmlNode[] };
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

const MAX_CHARS = 20_000_000;
/**
 * Deep enough for any agency's format (NewsML-G2 with XHTML inside is about 15 levels). saxes looks
 * up each tag's namespace through every open tag, so reading costs tags × depth: the parse stops at
 * the first tag past it (a document of 30,000 levels froze a server process for minutes).
 */
export const MAX_XML_DEPTH = 48;

export function parseXml(text: string): XmlElement {
  if (text.length > MAX_CHARS) throw new XmlError("The document is larger than 20 MB.");
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { uri: "", local: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= new XmlError(`The document is not well-formed XML: ${error.message.slice(0, 200)}`);
  });
  parser.on("opentag", (tag) => {
    // Thrown out of parser.write: nothing after it is read.
    if (stack.length > MAX_XML_DEPTH) throw new XmlError(`The document nests more than ${MAX_XML_DEPTH} elements deep.`);
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      const a = attr as { local: string; uri: string; value: string; prefix: string };
      if (a.prefix === "xmlns" || a.local === "xmlns") continue;
      attrs[a.uri === "http://www.w3.org/XML/1998/namespace" ? `xml:${a.local}` : a.local] = a.value;
    }
    const element: XmlElement = { uri: tag.uri ?? "", local: tag.local ?? tag.name, attrs, children: [] };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => {
    if (stack.length > 1) stack.pop();
  });
  const text_ = (t: string) => stack.at(-1)!.children.push(t);
  parser.on("text", text_);
  parser.on("cdata", text_);
  // A control character, or a reference to one, pasted into a story refused the whole document.
  parser.write(xmlReadable(text)).close();
  if (failure) throw failure;
  const element = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!element) throw new XmlError("The document has no root element.");
  return element;
}

export const elements = (e: XmlElement | undefined, local?: string): XmlElement[] =>
  (e?.children ?? []).filter((c): c is XmlElement => typeof c !== "string" && (!local || c.local === local));

export const child = (e: XmlElement | undefined, local: string): XmlElement | undefined => elements(e, local)[0];

/** All the text inside an element, entities decoded, trimmed. */
export function textOf(e: XmlElement | undefined): string {
  if (!e) return "";
  const walk = (n: XmlNode): string => (typeof n === "string" ? n : n.children.map(walk).join(""));
  return walk(e).trim();
}

/** The first descendant named `local`, depth first. */
export function find(e: XmlElement | undefined, local: string): XmlElement | undefined {
  for (const c of elements(e)) {
    if (c.local === local) return c;
    const deeper = find(c, local);
    if (deeper) return deeper;
  }
  return undefined;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;");

/** The children of an element written back as HTML text, for the import's HTML → body conversion (which keeps nothing as HTML). */
export function innerHtml(e: XmlElement): string {
  const write = (n: XmlNode): string => {
    if (typeof n === "string") return escapeText(n);
    const attrs = Object.entries(n.attrs)
      .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
      .join("");
    return `<${n.local}${attrs}>${n.children.map(write).join("")}</${n.local}>`;
  };
  return e.children.map(write).join("");
}
