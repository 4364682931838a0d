import { describe, expect, it } from "vitest";
import { convertContent, htmlToText, MAX_HTML_DEPTH, photoRefs, shallowHtml } from "./body";
import { wireBody } from "../../wire/ingest";

const convert = (html: string) => convertContent(html, { baseUrl: "https://old.example", photos: new Map() });

describe("shortcodes left in a WordPress post", () => {
  it("are named in the report, once each, whether they take attributes, close, or are WordPress's own", () => {
    const { notes } = convert(
      '<p>[gallery ids="1,2,3"]</p><p>[unknown_short attr="1"]inner[/unknown_short]</p><p>[playlist]</p><p>[gallery]</p>',
    );
    expect(notes).toEqual(["Shortcodes were kept as plain text: [gallery], [unknown_short], [playlist]."]);
  });

  it("are not what a story's own brackets are: [sic], [1], [Updated], [VIDEO], [n = 5]", () => {
    expect(convert("<p>He said the vote was “rigged [sic]” [1]. [Updated at noon] [VIDEO] with [n = 5] homes.</p>").notes).toEqual([]);
  });
});

describe("agate: a paragraph of more lines than a story's paragraph holds", () => {
  const lines = Array.from({ length: 1100 }, (_, i) => `Precinct ${i + 1}: Smith ${1000 + i}, Jones ${2000 + i}`);
  const text = (doc: ReturnType<typeof convert>["doc"]) =>
    doc.content
      .map((block) => ("content" in block ? (block.content ?? []) : []).map((node) => ("text" in node ? node.text : "\n")).join(""))
      .join("\n");

  it("is split at its line breaks into paragraphs a story holds, every line kept apart and in order", async () => {
    const { bodySchema } = await import("../../articles/body");
    for (const html of [
      `<p>${lines.join("<br>")}</p><p>Turnout was 61 percent.</p>`,
      `${lines.join("\n")}\n\nTurnout was 61 percent.`,
      `<pre>${lines.join("\n")}</pre><p>Turnout was 61 percent.</p>`,
    ]) {
      const { doc } = convert(html);
      expect(bodySchema.safeParse(doc).success).toBe(true);
      expect(text(doc).split("\n")).toEqual([...lines, "Turnout was 61 percent."]);
    }
  });
});

describe("HTML nested past all reason (a probe's 50,000 nested <div>s overflowed the stack and stopped a whole import)", () => {
  /** Each block's text, the blocks inside a quote or list included. */
  const text = (doc: ReturnType<typeof convert>["doc"]): string[] => {
    const walk = (node: unknown): string => {
      const n = node as { type: string; text?: string; content?: unknown[] };
      return n.type === "text" ? n.text! : n.type === "hardBreak" ? " " : (n.content ?? []).map(walk).join("");
    };
    return doc.content.map(walk);
  };
  const nested = (depth: number, tag = "div") =>
    `<p>Before.</p>${`<${tag}>`.repeat(depth)}Deep <b>words</b>.${`</${tag}>`.repeat(depth)}<p>After.</p>`;

  it("keeps HTML within the limit exactly as it was", () => {
    const html = `<p>A <a href="/x?a=1&amp;b=2">link</a>, “quotes” &amp; <br>a break.</p><!-- wp:paragraph --><ul><li>One<li>Two</ul>${nested(60)}`;
    expect(shallowHtml(html)).toEqual({ html, flattened: "none" });
  });

  it("leaves out the tags past the limit, keeps their text and the marks within it, and says so", () => {
    for (const tag of ["div", "span", "blockquote", "em"]) {
      const { doc, notes } = convert(nested(600, tag));
      const paragraphs = text(doc).join(" | ");
      expect(paragraphs, tag).toContain("Before.");
      expect(paragraphs, tag).toContain("Deep words.");
      expect(paragraphs, tag).toContain("After.");
      expect(notes).toContain(
        `Its HTML nested more than ${MAX_HTML_DEPTH} levels deep: the tags past that were left out, and their text kept.`,
      );
    }
    expect(htmlToText(nested(600))).toBe("Before.Deep words.After.");
  });

  it("reads copy nested deeper still as its text and line breaks, without a script's code", () => {
    const html = `<p>Before.</p><script>alert(1)</script>${"<div>".repeat(60_000)}Deep &amp; <b>words</b>.<br>Line two.<!-- </div> -->${"</div>".repeat(60_000)}<p>After.</p>`;
    const { doc, notes } = convert(html);
    expect(text(doc).join(" | ")).toMatch(/Before\..*Deep & words\..*Line two\..*After\./);
    expect(JSON.stringify(doc)).not.toContain("alert");
    expect(notes).toContain("Its HTML nested more than 1000 levels deep: only its text and line breaks were kept.");
    expect(htmlToText(html)).toBe("Before.Deep & words.Line two.After.");
    expect(wireBody(html, null).content.length).toBeGreaterThan(0);
  });
});

describe("copy nested past 1,000 levels with a hostile tail", () => {
  it("is read in one pass: 2 MB of '<' or 20,000 empty scripts after it (a review's took 35 s and held the process)", () => {
    const deep = "<div>".repeat(1001);
    const lts = shallowHtml(`${deep}Text.${"<".repeat(2_000_000)}`);
    expect(lts.flattened).toBe("text");
    expect(lts.html.startsWith("Text.&lt;&lt;")).toBe(true);
    expect(shallowHtml(`${deep}Before.${"<script>x</script>".repeat(20_000)}After.`).html).toBe("Before.After.");
  });
});

describe("a classic WordPress post with a <p> typed in it", () => {
  it("still has its blank-line paragraphs elsewhere, as wpautop made them (one <p> made the whole post one paragraph)", () => {
    const html =
      "<p><strong>KYIV</strong> — The market reopened.</p>\n\nStallholders came back at dawn.\nSome brought bread.\n\nBy noon it was full.";
    const { doc } = convertContent(html, { baseUrl: "https://old.example", photos: new Map(), wordpress: true });
    expect(doc.content.map((b) => b.type)).toEqual(["paragraph", "paragraph", "paragraph"]);
    expect(JSON.stringify(doc.content[1])).toContain('"hardBreak"');
    // Other HTML with <p> (wire copy) keeps its newlines as spacing.
    const wire = convert("<p>The market\nreopened.</p>\n\n<p>By noon it was full.</p>").doc;
    expect(wire.content).toHaveLength(2);
    expect(JSON.stringify(wire)).not.toContain("hardBreak");
  });
});

describe("Gutenberg footnotes (WordPress 6.3+: the notes in the post's `footnotes` meta, the references in its text)", () => {
  const html =
    '<!-- wp:paragraph --><p>The wall failed twice<sup data-fn="f-1" class="fn"><a href="#f-1" id="f-1-link">1</a></sup> in a decade.<sup data-fn="f-2" class="fn"><a href="#f-2" id="f-2-link">2</a></sup></p><!-- /wp:paragraph -->\n\n<!-- wp:footnotes /-->';
  const footnotes = JSON.stringify([
    { id: "f-1", content: 'Council <a href="https://harrow.example/minutes">minutes</a>, <strong>2019</strong>.<script>alert(1)</script>' },
    { id: "f-2", content: '<em>Harrow Gazette</em>, <a href="javascript:alert(2)">2024</a>.' },
  ]);
  const footnoted = (meta: string | undefined) =>
    convertContent(html, { baseUrl: "https://harrow.example", photos: new Map(), footnotes: meta });

  it("are headed in the story's language (a German site's story said “Notes”), in English for a language with no word here", () => {
    const headingOf = (language: string) =>
      convertContent(html, { baseUrl: "https://harrow.example", photos: new Map(), footnotes, language }).doc.content[1];
    expect(headingOf("de-DE")).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Anmerkungen" }] });
    expect(headingOf("es")).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Notas" }] });
    expect(headingOf("ja")).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Notes" }] });
  });

  it("name the photos in their notes among the post's photos (a footnote's photo was reported missing)", () => {
    const meta = JSON.stringify([
      { id: "f-1", content: 'Minutes.<img src="https://harrow.example/wp-content/uploads/2026/11/quay.jpg" class="wp-image-11">' },
    ]);
    expect(photoRefs(html, meta)).toEqual([{ src: "https://harrow.example/wp-content/uploads/2026/11/quay.jpg", attachmentId: "11" }]);
    expect(photoRefs(html, "not json")).toEqual([]);
  });

  it("keep their numbers in the text, and follow the story as a numbered list under “Notes”, their HTML read as any other", () => {
    const { doc, notes } = footnoted(footnotes);
    expect(doc.content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "The wall failed twice[1] in a decade.[2]" }] },
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Notes" }] },
      {
        type: "orderedList",
        content: [
          {
            type: "listItem",
            content: [
              {
                type: "paragraph",
                content: [
                  { type: "text", text: "Council " },
                  { type: "text", text: "minutes", marks: [{ type: "link", attrs: { href: "https://harrow.example/minutes" } }] },
                  { type: "text", text: ", " },
                  { type: "text", text: "2019", marks: [{ type: "bold" }] },
                  { type: "text", text: "." },
                ],
              },
            ],
          },
          {
            type: "listItem",
            content: [
              {
                type: "paragraph",
                content: [
                  { type: "text", text: "Harrow Gazette", marks: [{ type: "italic" }] },
                  { type: "text", text: ", 2024." },
                ],
              },
            ],
          },
        ],
      },
    ]);
    expect(notes).toEqual([
      "<script> content was left out.",
      "A link that is not a web or mail address was kept as text: javascript:alert(2)",
    ]);
  });

  it("that cannot be read are left out, and the report says so; the references keep their numbers", () => {
    const { doc, notes } = footnoted('[{"id":"f-1","content":');
    expect(doc.content).toEqual([{ type: "paragraph", content: [{ type: "text", text: "The wall failed twice[1] in a decade.[2]" }] }]);
    expect(notes).toEqual(["Its footnotes could not be read from the export and were left out."]);
  });
});
