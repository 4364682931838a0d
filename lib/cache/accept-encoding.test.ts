import { describe, expect, it } from "vitest";
import { acceptsGzip } from "./accept-encoding";

describe("acceptsGzip", () => {
  it.each([
    ["gzip", true],
    ["gzip, deflate, br, zstd", true],
    ["GZIP", true],
    ["x-gzip", true],
    ["br;q=1.0, gzip;q=0.8, *;q=0.1", true],
    ["*", true],
    ["*;q=0.5", true],
    ["gzip;q=1", true],
    ["gzip;q=0.001", true],
    ["gzip ; q=0.5", true],
    ["identity;q=0, gzip", true],
    ["gzip;q=0.5, identity;q=0.5", true],
  ])("allows gzip for %j", (header, expected) => expect(acceptsGzip(header)).toBe(expected));

  it.each([
    [undefined, false],
    ["", false],
    ["identity", false],
    ["br, deflate", false],
    ["gzip;q=0", false],
    ["gzip;q=0.0", false],
    ["gzip;q=0.000", false],
    ["gzip; q=0", false],
    ["gzip;Q=0", false],
    ["*, gzip;q=0", false],
    ["gzip;q=0, *", false],
    ["*;q=0", false],
    ["identity, *;q=0", false],
    ["gzip;q=0.5, identity", false],
    ["gzip;q=0.2, identity;q=0.8", false],
    ["gzip;q=abc", false],
    ["gzip;q=2", false],
    ["notgzip", false],
    ["gzipped", false],
  ])("refuses gzip for %j", (header, expected) => expect(acceptsGzip(header)).toBe(expected));

  it("reads a header sent on several lines", () => {
    expect(acceptsGzip(["br", "gzip;q=0.5"])).toBe(true);
    expect(acceptsGzip(["br", "gzip;q=0"])).toBe(false);
  });
});
