import { describe, expect, it } from "vitest";
import { typedSearch } from "./typed-search";

const sought = (typed: string) => typedSearch(typed).map((filter) => filter.contains);

describe("a search box's text as string filters", () => {
  it("is cut at quotation marks and apostrophes of every kind, straight or curly, and trimmed", () => {
    expect(sought('"The sea')).toEqual(["The sea"]);
    expect(sought("leave,' says")).toEqual(["leave,", "says"]);
    expect(sought("“a” ‘b’ „c“ «d» ‹e› 「f」 g`h´iʼj")).toEqual(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
  });

  it("asks for nothing when the text is quotation marks only", () => {
    expect(typedSearch(` " ' “” `)).toEqual([]);
    expect(typedSearch("")).toEqual([]);
  });

  it("escapes LIKE's wildcards and its escape character, so each is found as itself", () => {
    expect(sought("100%")).toEqual(["100\\%"]);
    expect(sought("memo_final")).toEqual(["memo\\_final"]);
    expect(sought("C:\\Users")).toEqual(["C:\\\\Users"]);
  });
});
