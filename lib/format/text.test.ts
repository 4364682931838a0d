import { describe, expect, it } from "vitest";
import { quoted, shortenAtWord, truncateText, wellFormed } from "./text";

describe("truncateText", () => {
  it("leaves short text alone and cuts long text between whole characters", () => {
    expect(truncateText("short", 10)).toBe("short");
    expect(truncateText("abcdefgh", 5)).toBe("abcde");
    // The family emoji is 11 UTF-16 units; a cut inside it drops it whole.
    expect(truncateText("abc👩🏽‍💻", 6)).toBe("abc");
    expect(truncateText("cafe\u0301 au lait", 4)).toBe("caf");
    expect(truncateText("cafe\u0301 au lait", 5)).toBe("cafe\u0301");
  });
});

describe("shortenAtWord", () => {
  it.each([
    ["short", 10, "short"],
    // The word that fits whole is kept; the one cut is dropped; the result is never longer than max.
    ["abc def ghi", 8, "abc def…"],
    ["abc def ghi", 7, "abc…"],
    ["abc defghij", 8, "abc…"],
    // One word longer than max: cut inside it rather than left empty.
    ["abcdefghij", 5, "abcd…"],
    ["Mayor: “We stay”, and then", 18, "Mayor: “We stay”,…"],
    ["abc 👩🏽‍💻 def", 8, "abc…"],
  ])("%j at most %i: %j", (text, max, out) => {
    expect(shortenAtWord(text, max)).toBe(out);
    expect(shortenAtWord(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe("quoted", () => {
  it("puts a title in quotation marks, nesting its own as single ones", () => {
    expect(quoted("Ferry resumes after storm")).toBe("“Ferry resumes after storm”");
    expect(quoted("“We are still here”: Dovzhenko’s covered market reopens")).toBe(
      "“‘We are still here’: Dovzhenko’s covered market reopens”",
    );
    expect(quoted('Mayor: "We will not leave"')).toBe("“Mayor: 'We will not leave'”");
  });

  it.each([
    // A headline quoted whole, with a quotation inside: it read “‘‘We will not leave,’ says mayor’”.
    ["“‘We will not leave,’ says mayor”", "“‘“We will not leave,” says mayor’”"],
    ["Minister: “Residents told me ‘we are not leaving’”", "“Minister: ‘Residents told me “we are not leaving”’”"],
    ["“Mayor: ‘He said “no”’”", "“‘Mayor: “He said ‘no’”’”"],
    ["“Dovzhenko’s ‘last stand’”, locals say", "“‘Dovzhenko’s “last stand”’, locals say”"],
    ["\"Mayor: 'We stay'\"", "“'Mayor: \"We stay\"'”"],
    // Single marks that already open the headline's own quotations are one level down already.
    ["‘We will not leave,’ says mayor", "“‘We will not leave,’ says mayor”"],
    // Apostrophes are no quotation marks, and nest nothing.
    ["Mayors’ pact: “We stay”", "“Mayors’ pact: ‘We stay’”"],
    ["‘90s band: “We are back”", "“‘90s band: ‘We are back’”"],
    ['"Back to the \'90s"', "“'Back to the '90s'”"],
    ["Don't stop: \"We won't\"", "“Don't stop: 'We won't'”"],
  ])("nests %j as %j", (text, out) => {
    expect(quoted(text)).toBe(out);
  });
});

describe("wellFormed", () => {
  it("turns lone surrogates into U+FFFD in every string of plain objects and arrays, and leaves pairs and other values alone", () => {
    const file = new Blob(["x"]);
    const date = new Date(0);
    expect(wellFormed({ a: "x\ud800y", b: ["\udc00", "ok 👩🏽‍💻"], c: { d: "\ud83d" }, n: 5, file, date })).toEqual({
      a: "x\uFFFDy",
      b: ["\uFFFD", "ok 👩🏽‍💻"],
      c: { d: "\uFFFD" },
      n: 5,
      file,
      date,
    });
    // A pair written backwards is two lone halves.
    expect(wellFormed("\udc00\ud800")).toBe("\uFFFD\uFFFD");
    expect(wellFormed("a\ud83d\ude00b")).toBe("a😀b");
  });

  it("drops control characters no keyboard types, keeping tabs and line breaks", () => {
    expect(wellFormed({ headline: "Ctrl\u0001\b\u001f\u007f \uFFFE\uFFFF ok", dek: "Dek \u0000 nul \u0007 bell" })).toEqual({
      headline: "Ctrl  ok",
      dek: "Dek  nul  bell",
    });
    // Word's manual line break and a page break keep the words apart.
    expect(wellFormed("first line\vsecond\fthird")).toBe("first line\nsecond\nthird");
    // A password is compared as typed at sign-in: it is left as it is.
    expect(wellFormed({ newPassword: "pa\u007fss", currentPassword: "\u0001x" })).toEqual({
      newPassword: "pa\u007fss",
      currentPassword: "\u0001x",
    });
    expect(wellFormed("a\tb\nc\r\nd \u2028 e")).toBe("a\tb\nc\r\nd \u2028 e");
  });

  it("drops the bidi embeddings and overrides, which showed a dek's words reversed, and keeps the marks and isolates right-to-left copy uses", () => {
    expect(wellFormed({ dek: "\u202Eoverride-LRO\u202C and \u202Aembedded\u202B\u202D" })).toEqual({ dek: "override-LRO and embedded" });
    const arabic = "\u2067قال الوزير\u2069 \u200Fنعم\u200E \u061C";
    expect(wellFormed(arabic)).toBe(arabic);
  });
});
