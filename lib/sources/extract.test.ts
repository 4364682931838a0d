import { Readability } from "@mozilla/readability";
import { afterEach, describe, expect, it, vi } from "vitest";
import { asksNoArchive, decodeBody, extractReadable, MAX_TEXT_CHARS, textSimilarity } from "./extract";
import { hostOptedOut } from "./schema";

describe("readable text", () => {
  afterEach(() => vi.restoreAllMocks());

  it("keeps a page's paragraphs and nothing of its scripts, styles, navigation or markup", () => {
    const html = `<html><head><title>Statement</title><style>p{color:red}</style><script>steal()</script></head>
      <body><nav>Home About</nav><main><article><h1>Ferry resumes</h1>
      <p>The ministry said on Monday that the ferry between the islands would resume on Tuesday after the storm damaged the pier.</p>
      <p>Repairs cost <b>two million</b> euros, the statement said. <img src=x onerror=alert(1)><script>evil()</script></p>
      </article></main><footer>Copyright</footer></body></html>`;
    const parse = vi.spyOn(Readability.prototype, "parse");
    const { title, text, via } = extractReadable(html);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(via).toBe("readability");
    expect(title).toBe("Statement");
    expect(text.split("\n\n")).toEqual([
      "Ferry resumes",
      "The ministry said on Monday that the ferry between the islands would resume on Tuesday after the storm damaged the pier.",
      "Repairs cost two million euros, the statement said.",
    ]);
  });

  // From a review: one word inside <div>s nested 2,500 deep took Readability 79 s, and 200,000
  // sibling paragraphs 9.7 s, in the job runner of a web server process, whose readers waited.
  it("reads a page nested too deep or with too many elements as a stream of text, without Readability, and keeps its words", () => {
    const parse = vi.spyOn(Readability.prototype, "parse");
    const nested = (depth: number) =>
      `<html><head><title>Deep &amp; narrow</title></head><body>${"<div>".repeat(depth)}The word &eacute;${"</div>".repeat(depth)}</body></html>`;
    for (const depth of [2_500, 100_000])
      expect(extractReadable(nested(depth)), `${depth} deep`).toEqual({ title: "Deep & narrow", text: "The word é", via: "stream" });
    const wide = extractReadable(`<html><body>${"<div><p>a, b.</p></div>".repeat(200_000)}</body></html>`);
    expect(wide.via).toBe("stream");
    expect(wide.text.startsWith("a, b.\n\na, b.\n\n")).toBe(true);
    expect(wide.text.length).toBe(MAX_TEXT_CHARS + 1);
    expect(parse).not.toHaveBeenCalled();
  });

  it("reads a page as a stream as the plain way would: no scripts, styles, navigation, footers or forms", () => {
    const html = `<html><head><title>Wide</title><style>p{color:red}</style></head><body><nav>Home About</nav>
      <p>First &lt;one&gt;.</p><svg/><p>Second<br>line.</p><script>steal()</script><svg><title>icon</title></svg>
      <form><input value="x">Search</form><footer>Copyright</footer>${"<span></span>".repeat(20_000)}<p>Last.</p></body></html>`;
    expect(extractReadable(html)).toEqual({ title: "Wide", text: "First <one>.\n\nSecond\n\nline.\n\nLast.", via: "stream" });
  });

  it("reads the character set the headers or the page declare", () => {
    expect(decodeBody(Buffer.from([0x63, 0x61, 0x66, 0xe9]), "text/html; charset=iso-8859-1")).toBe("café");
    expect(decodeBody(Buffer.from('<meta charset="iso-8859-1"><p>caf\xe9</p>', "latin1"), "text/html")).toContain("café");
    expect(decodeBody(Buffer.from("café"), "text/html")).toBe("café");
  });
});

describe("noarchive", () => {
  it.each([
    [{ "x-robots-tag": "noarchive" }, null],
    [{ "x-robots-tag": "noindex, NOARCHIVE" }, null],
    [{ "x-robots-tag": "googlebot: noarchive" }, null],
    [{ "x-robots-tag": "none" }, null],
    [{}, '<meta name="robots" content="noindex,noarchive">'],
    [{}, '<META NAME="Robots" CONTENT="none">'],
  ])("is honoured in %j %s", (headers, html) => {
    expect(asksNoArchive(headers, html)).toBe(true);
  });

  it.each([
    [{ "x-robots-tag": "noindex" }, "<p>noarchive is a word here</p>"],
    [{}, '<meta name="description" content="noarchive">'],
    [{ "x-robots-tag": "unavailable_after: 25 Jun 2030" }, null],
  ])("is not read into %j %s", (headers, html) => {
    expect(asksNoArchive(headers, html)).toBe(false);
  });
});

describe("textSimilarity", () => {
  const long = Array.from({ length: 60 }, (_, i) => `Sentence ${i} says something about the ferry and the pier.`).join(" ");
  it("is 1 for the same text, near 1 for one word changed in a long text, low for a rewrite", () => {
    expect(textSimilarity(long, long)).toBe(1);
    expect(textSimilarity(long, long.replace("Sentence 30 says", "Sentence 30 claims"))).toBeGreaterThan(0.95);
    expect(textSimilarity(long, "The ministry withdrew its statement.")).toBeLessThan(0.05);
    expect(textSimilarity("", "")).toBe(1);
  });
});

describe("the opt-out list", () => {
  it("covers a host and its subdomains, not look-alikes", () => {
    expect(hostOptedOut("example.org", ["example.org"])).toBe(true);
    expect(hostOptedOut("news.Example.org", ["example.org"])).toBe(true);
    expect(hostOptedOut("badexample.org", ["example.org"])).toBe(false);
    expect(hostOptedOut("example.org.evil.test", ["example.org"])).toBe(false);
  });
});
