import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SLUG_PATTERN } from "../format/slug";
import { createSectionSchema, RESERVED_SECTION_SLUGS } from "./schema";

/** The first segment of every address a route of the app owns, looking through route groups such as (public). */
function topLevelSegments(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_"))
    .flatMap((entry) => (/^\(.+\)$/.test(entry.name) ? topLevelSegments(path.join(dir, entry.name)) : [entry.name]));
}

describe("section addresses", () => {
  it("reserves every top-level address a route of the site has, so no section's stories are hidden behind it", () => {
    const taken = topLevelSegments(path.resolve(import.meta.dirname, "../../app")).filter((name) => SLUG_PATTERN.test(name));
    expect(taken).toEqual(expect.arrayContaining(["admin", "authors", "photos", "search"]));
    expect(taken.filter((name) => !RESERVED_SECTION_SLUGS.includes(name))).toEqual([]);
  });

  it("refuses a reserved slug with a message for the form", () => {
    const result = createSectionSchema.safeParse({ name: "Photos", slug: "photos" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("This address is taken by the site itself; choose another.");
  });
});
