import { describe, expect, it } from "vitest";
import { convertContent } from "./body";

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
