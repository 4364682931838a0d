import { describe, expect, it } from "vitest";
import { slugifyAnyScript } from "./slug-any-script";
import { needsTable, slugifyTyped } from "./slug-typed";

/** What the desk's slug field ends up showing for `text`: the answer, or the one `then` brings. */
async function typed(text: string): Promise<{ now: string; later: string | undefined }> {
  let later: string | undefined;
  const now = slugifyTyped(text, (slug) => (later = slug));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { now, later };
}

// Ordered: the first names are typed before the table has loaded.
const NAMES = [
  "“We are still here”: Ukrainians mark 1,000 days — and wait…",
  "Crème brûlée in Zürich",
  "O‘Brien says „no“",
  "Don´t look back",
  "A 5 € levy on every flight",
  "Київ готується до зими",
  "Straße closed at 40 °C",
  "Αθήνα",
  "Vote ✓ counted",
];

describe("the slug the desk proposes as a name is typed", () => {
  it("is the slug the server makes, for every name", async () => {
    for (const name of NAMES) {
      const { now, later } = await typed(name);
      expect(later ?? now, name).toBe(slugifyAnyScript(name));
    }
  });

  it("loads no table for English or French, quotation marks and dashes included", () => {
    for (const name of NAMES.slice(0, 2)) expect(needsTable(name), name).toBe(false);
    for (const name of NAMES.slice(2)) expect(needsTable(name), name).toBe(true);
  });

  it("once the table has loaded, answers at once, so the field does not flicker between two slugs", async () => {
    await typed("Київ");
    for (const name of NAMES) {
      const { now, later } = await typed(name);
      expect(now, name).toBe(slugifyAnyScript(name));
      expect(later, name).toBeUndefined();
    }
  });
});
