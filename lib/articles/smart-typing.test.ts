import { describe, expect, it } from "vitest";
import { curlyQuote, smartenTyped, smartReplacement } from "./smart-typing";

describe("smart quotes and dashes as you type", () => {
  it("opens a quote at the start, after a space or a bracket, and closes it after a word", () => {
    expect(smartenTyped(`"We waited," she said.`)).toBe("\u201cWe waited,\u201d she said.");
    expect(smartenTyped(`He called it "a disgrace" (and "a lie").`)).toBe("He called it \u201ca disgrace\u201d (and \u201ca lie\u201d).");
    expect(curlyQuote('"', "")).toBe("\u201c");
  });

  it("turns apostrophes and single quotes the right way", () => {
    expect(smartenTyped("don't")).toBe("don\u2019t");
    // A decade written short takes an apostrophe, though its quote looked like an opening one when typed.
    expect(smartenTyped("the '90s and the '20s")).toBe("the \u201990s and the \u201920s");
    expect(smartenTyped("'90 days,' she said")).toBe("\u201890 days,\u2019 she said");
    expect(smartenTyped("'1990s'")).toBe("\u20181990s\u2019");
    expect(smartenTyped(`"'Yes,' he said"`)).toBe("\u201c\u2018Yes,\u2019 he said\u201d");
    expect(smartenTyped("the ministers' plan")).toBe("the ministers\u2019 plan");
  });

  it("makes -- an em dash and ... an ellipsis, and leaves single hyphens alone", () => {
    expect(smartenTyped("KYIV -- Officials")).toBe("KYIV \u2014 Officials");
    expect(smartenTyped("COVID-19")).toBe("COVID-19");
    expect(smartenTyped("Wait...")).toBe("Wait\u2026");
    expect(smartReplacement("a", "b")).toBeNull();
  });
});
