import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { createSection, deleteSection, moveSection, updateSection } from "./mutations";
import { listSections, resolveSectionRedirect } from "./queries";
import { createArticle } from "../articles/mutations";
import { makeNewsroomBits, makeUser, readyArticleInput, uid } from "../test/factories";

let admin: Viewer;
let editor: Viewer;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  editor = await makeUser("EDITOR");
});

describe("sections", () => {
  it("creates a section at the end of the masthead, with an audit event", async () => {
    const slug = `culture-${uid()}`;
    const section = await createSection(admin, { name: "Culture", slug, description: "Arts and books." });
    const all = await listSections();
    expect(all.at(-1)).toMatchObject({ id: section.id, name: "Culture", slug, description: "Arts and books." });
    expect(await db.auditEvent.count({ where: { entityId: section.id, action: "section.create" } })).toBe(1);
  });

  it("refuses the site's own addresses and a taken one, at the address field", async () => {
    await expect(createSection(admin, { name: "Admin", slug: "admin" })).rejects.toMatchObject({
      fieldErrors: { slug: ["This address is taken by the site itself; choose another."] },
    });
    const slug = `taken-${uid()}`;
    await createSection(admin, { name: "Taken", slug });
    await expect(createSection(admin, { name: "Again", slug })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { slug: ["Another section has this address."] },
    });
  });

  it("moves a section with stories to a new address; the old one forwards, and no other section may take it", async () => {
    const bits = await makeNewsroomBits();
    await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    const renamed = await updateSection(admin, { id: bits.section.id, name: "Renamed", slug: bits.section.slug, description: "" });
    expect(renamed.slug).toBe(bits.section.slug);
    expect(await resolveSectionRedirect(bits.section.slug)).toBeNull();

    const moved = await updateSection(admin, { id: bits.section.id, name: "Renamed", slug: `${bits.section.slug}-new` });
    expect(moved).toMatchObject({ slug: `${bits.section.slug}-new`, previousSlug: bits.section.slug });
    expect(await resolveSectionRedirect(bits.section.slug)).toBe(`/${bits.section.slug}-new`);
    // Moved again: every old address forwards to the newest.
    await updateSection(admin, { id: bits.section.id, name: "Renamed", slug: `${bits.section.slug}-newer` });
    expect(await resolveSectionRedirect(bits.section.slug)).toBe(`/${bits.section.slug}-newer`);
    expect(await resolveSectionRedirect(`${bits.section.slug}-new`)).toBe(`/${bits.section.slug}-newer`);

    await expect(createSection(admin, { name: "Squatter", slug: bits.section.slug })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { slug: ["This address still forwards readers to Renamed; choose another."] },
    });
    // Back to its first address: that one stops forwarding.
    await updateSection(admin, { id: bits.section.id, name: "Renamed", slug: bits.section.slug });
    expect(await resolveSectionRedirect(bits.section.slug)).toBeNull();
    expect(await resolveSectionRedirect(`${bits.section.slug}-newer`)).toBe(`/${bits.section.slug}`);
    expect(await db.auditEvent.count({ where: { entityId: bits.section.id, action: "section.update" } })).toBe(4);
  });

  it("moves a section up and down the masthead", async () => {
    const a = await createSection(admin, { name: "Order A", slug: `order-a-${uid()}` });
    const b = await createSection(admin, { name: "Order B", slug: `order-b-${uid()}` });
    const ids = async () => (await listSections()).map((s) => s.id);
    const before = await ids();
    expect(before.indexOf(a.id)).toBe(before.indexOf(b.id) - 1);
    const moved = await moveSection(admin, { id: b.id, direction: "up" });
    const after = await ids();
    expect(after.indexOf(b.id)).toBe(after.indexOf(a.id) - 1);
    // Where it stands now, from the server's order: what the desk says to the editor.
    expect(moved).toMatchObject({ moved: true, place: after.indexOf(b.id), count: after.length });
    expect(await moveSection(admin, { id: after[0]!, direction: "up" })).toMatchObject({ moved: false, place: 0, count: after.length });
  });

  it("deletes only a section no story is filed in", async () => {
    const bits = await makeNewsroomBits();
    await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    await expect(deleteSection(admin, { id: bits.section.id })).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringContaining("Move it to another section first"),
    });
    const empty = await createSection(admin, { name: "Short-lived", slug: `short-${uid()}` });
    await deleteSection(admin, { id: empty.id });
    expect(await db.section.findUnique({ where: { id: empty.id } })).toBeNull();
  });

  it("is for admins only", async () => {
    await expect(createSection(editor, { name: "Nope", slug: `nope-${uid()}` })).rejects.toMatchObject({ code: "forbidden" });
    const any = (await listSections())[0]!;
    await expect(moveSection(editor, { id: any.id, direction: "down" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteSection(editor, { id: any.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});
