import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "./json-depth";

const nested = (n: number) => Buffer.from("[".repeat(n) + "]".repeat(n));
const objects = (n: number) => Buffer.from('{"a":'.repeat(n) + "1" + "}".repeat(n));

describe("nestsDeeperThan", () => {
  it("counts arrays and objects", () => {
    expect(nestsDeeperThan(nested(100), 100)).toBe(false);
    expect(nestsDeeperThan(nested(101), 100)).toBe(true);
    expect(nestsDeeperThan(objects(100), 100)).toBe(false);
    expect(nestsDeeperThan(objects(1000), 100)).toBe(true);
    // Siblings do not add up.
    expect(nestsDeeperThan(Buffer.from("[[1],[2],[3]]".repeat(500)), 3)).toBe(false);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(nestsDeeperThan(Buffer.from(JSON.stringify(["[".repeat(5000), '"{{{{' + "{".repeat(5000)])), 10)).toBe(false);
    expect(nestsDeeperThan(Buffer.from(JSON.stringify([{ headline: 'say \\"[[[[' + "[".repeat(500) }])), 10)).toBe(false);
  });

  it("checks each text part of a multipart body and skips file parts", () => {
    const part = (name: string, content: string | Buffer, filename?: string) =>
      Buffer.concat([
        Buffer.from(`--XyZ\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ""}\r\n\r\n`),
        Buffer.from(content),
        Buffer.from("\r\n"),
      ]);
    const type = "multipart/form-data; boundary=XyZ";
    const flat = Buffer.concat([
      part("0", '["$K1"]'),
      part("1_file", Buffer.from("[".repeat(5000)), "photo.jpg"),
      Buffer.from("--XyZ--\r\n"),
    ]);
    expect(nestsDeeperThan(flat, 100, type)).toBe(false);
    const deep = Buffer.concat([part("0", '["$K1"]'), part("1_x", nested(5000)), Buffer.from("--XyZ--\r\n")]);
    expect(nestsDeeperThan(deep, 100, type)).toBe(true);
  });
});
