import { describe, expect, it } from "vitest";
import { MAX_XML_DEPTH, parseXml, textOf, XmlError } from "./xml";

const nested = (levels: number) => `<rss version="2.0"><channel>${"<a>".repeat(levels - 2)}${"</a>".repeat(levels - 2)}</channel></rss>`;

describe("the wire's XML reader", () => {
  it("stops at the first element nested too deep (a pushed document of 30,000 levels froze a server process for minutes)", () => {
    // From a security probe: the depth cap only stopped building the tree, and saxes read on.
    expect(() => parseXml(nested(100_000))).toThrow(new XmlError(`The document nests more than ${MAX_XML_DEPTH} elements deep.`));
    expect(parseXml(nested(MAX_XML_DEPTH)).local).toBe("rss");
    expect(() => parseXml(nested(MAX_XML_DEPTH + 1))).toThrow(XmlError);
  });

  it("reads a story with a control character pasted into it, or a reference to one, instead of refusing the document", () => {
    // Word's vertical tab between two lines of a quote, as a feed writes it out: &#11; or the raw character.
    const doc = parseXml("<item><description>Still here,&#11;she said.\u000bWe stay.&#x1;&#xD800;</description></item>");
    expect(textOf(doc)).toBe("Still here,\nshe said.\nWe stay.");
    // Every other reference and entity is the parser's, as before, and a DTD is still not read.
    expect(textOf(parseXml("<p>&#38;#11; &amp; &#x201C;</p>"))).toBe("&#11; & \u201C");
    expect(() => parseXml('<!DOCTYPE p [<!ENTITY x "boom">]><p>&x;</p>')).toThrow(XmlError);
  });
});
