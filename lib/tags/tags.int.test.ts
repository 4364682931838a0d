import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { createAuthor } from "../authors/mutations";
import { db } from "../db";
import { makeUser } from "../test/factories";
import { createTag } from "./mutations";

let writer: Viewer;
let editor: Viewer;

beforeAll(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

describe("tags and bylines named in other scripts", () => {
  it("gives a tag in Cyrillic an address, and two such tags two addresses", async () => {
    const kyiv = await createTag(writer, { name: "Київ 2026" });
    const lviv = await createTag(writer, { name: "Львів 2026" });
    expect(kyiv).toMatchObject({ name: "Київ 2026", slug: "kiiv-2026" });
    expect(lviv).toMatchObject({ name: "Львів 2026", slug: "lviv-2026" });
    expect(await db.tag.count({ where: { name: { in: ["Київ 2026", "Львів 2026"] } } })).toBe(2);
  });

  it("takes a tag again by the same name in another letter case or punctuation", async () => {
    const first = await createTag(writer, { name: "COVID-19 Kharkiv" });
    expect((await createTag(writer, { name: "covid 19 kharkiv" })).id).toBe(first.id);
  });

  it("adds a new name once when two ask for it at the same moment (the second got a conflict)", async () => {
    const name = `Harbour works ${Date.now()}`;
    const both = await Promise.all([createTag(writer, { name }), createTag(writer, { name: name.toUpperCase() })]);
    expect(both[1].id).toBe(both[0].id);
    expect(both.map((t) => t.created).sort()).toEqual([false, true]);
  });

  it("keeps two names apart whose Latin letters meet", async () => {
    // 北京 (Beijing) and 背景 (background) are both "beijing" in Latin letters.
    const city = await createTag(writer, { name: "北京" });
    const background = await createTag(writer, { name: "背景" });
    expect(background.id).not.toBe(city.id);
    expect([city.slug, background.slug]).toEqual(["beijing", "beijing-2"]);
    expect((await createTag(writer, { name: "背景" })).id).toBe(background.id);
  });

  it("still refuses a tag with nothing to spell an address with", async () => {
    await expect(createTag(writer, { name: "— · —" })).rejects.toMatchObject({ message: "Use letters or digits in the tag." });
  });

  it("gives a byline in Arabic an address of its own", async () => {
    const author = await createAuthor(editor, { name: "سارة المصري", title: "" });
    expect(author.slug).toBe("srh-lmsry");
  });
});
