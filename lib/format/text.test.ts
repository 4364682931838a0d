import { describe, expect, it } from "vitest";
import { quoted, truncateText } from "./text";

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

describe("quoted", () => {
  it("puts a title in quotation marks, nesting its own as single ones", () => {
    expect(quoted("Ferry resumes after storm")).toBe("“Ferry resumes after storm”");
    expect(quoted("“We are still here”: Dovzhenko’s covered market reopens")).toBe(
      "“‘We are still here’: Dovzhenko’s covered market reopens”",
    );
    expect(quoted('Mayor: "We will not leave"')).toBe("“Mayor: 'We will not leave'”");
  });
});
