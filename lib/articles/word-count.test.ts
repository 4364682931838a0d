import { describe, expect, it } from "vitest";
import { bodyFromParagraphs } from "./body";
import { countTextWords, countWords, readingMinutes, wordCountLabel } from "./word-count";

describe("word count and reading time", () => {
  it("counts words, not dashes or bullets, across paragraphs", () => {
    expect(countTextWords("KYIV, Ukraine \u2014 Officials said don\u2019t, COVID-19 in 2026.")).toBe(8);
    expect(countTextWords("  \u2014  \u2022 ")).toBe(0);
    expect(countWords(bodyFromParagraphs(["One two three.", "Four \u2014 five."]))).toBe(5);
    expect(countTextWords("Київ, Україна — офіційні особи")).toBe(4);
  });

  it("rounds reading time up at 230 words a minute and says nothing for an empty story", () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(231)).toBe(2);
    expect(wordCountLabel(1234)).toBe("1,234 words · 6 min read");
    expect(wordCountLabel(0)).toBe("0 words");
  });
});
