import { describe, expect, it } from "vitest";
import { MAX_XML_DEPTH, parseXml, XmlError } from "./xml";

const nested = (levels: number) => `<rss version="2.0"><channel>${"<a>".repeat(levels - 2)}${"</a>".repeat(levels - 2)}</channel></rss>`;

describe("the wire's XML reader", () => {
  it("stops at the first element nested too deep (a pushed document of 30,000 levels froze a server process for minutes)", () => {
    // From a security probe: the depth cap only stopped building the tree, and saxes read on.
    expect(() => parseXml(nested(100_000))).toThrow(new XmlError(`The document nests more than ${MAX_XML_DEPTH} elements deep.`));
    expect(parseXml(nested(MAX_XML_DEPTH)).local).toBe("rss");
    expect(() => parseXml(nested(MAX_XML_DEPTH + 1))).toThrow(XmlError);
  });
});
