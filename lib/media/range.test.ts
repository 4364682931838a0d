import { describe, expect, it } from "vitest";
import { parseRange, resolveRange } from "./range";

describe("byte ranges of photo files", () => {
  it.each([
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=100-", { start: 100 }],
    ["bytes=-500", { suffix: 500 }],
    [" bytes=5-5 ", { start: 5, end: 5 }],
  ])("reads %j", (header, range) => expect(parseRange(header)).toEqual(range));

  it.each([null, "", "bytes=", "bytes=-", "bytes=9-3", "bytes=-0", "items=0-9", "bytes=0-9,20-29", "bytes=a-b"])(
    "serves the whole file for %j",
    (header) => expect(parseRange(header)).toBeNull(),
  );

  it("selects the bytes within the file, and none past its end", () => {
    expect(resolveRange({ start: 0, end: 99 }, 50)).toEqual({ start: 0, end: 49 });
    expect(resolveRange({ start: 10 }, 50)).toEqual({ start: 10, end: 49 });
    expect(resolveRange({ suffix: 500 }, 50)).toEqual({ start: 0, end: 49 });
    expect(resolveRange({ suffix: 5 }, 50)).toEqual({ start: 45, end: 49 });
    expect(resolveRange({ start: 50 }, 50)).toBeNull();
    expect(resolveRange({ suffix: 1 }, 0)).toBeNull();
  });
});
