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
