import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { AppError } from "../errors";
import { getAuthorForEdit, listAuthorsForDesk } from "./queries";
import { updateAuthor } from "./mutations";
import { makeNewsroomBits, makeUser } from "../test/factories";

let editor: Viewer;
let writer: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  writer = await makeUser("WRITER");
  bits = await makeNewsroomBits();
});

describe("bylines", () => {
  it("saves name, title and bio with an audit event, keeping the address", async () => {
    const loaded = (await getAuthorForEdit(editor, bits.author.id))!;
    const saved = await updateAuthor(editor, {
      id: loaded.id,
      name: "Renamed Byline",
      title: "Night editor",
      bio: "Covers the night shift.",
      updatedAt: loaded.updatedAt,
    });
    expect(saved.slug).toBe(bits.author.slug);
    const row = await db.author.findUniqueOrThrow({ where: { id: bits.author.id } });
    expect(row).toMatchObject({ name: "Renamed Byline", title: "Night editor", bio: "Covers the night shift." });
    expect(await db.auditEvent.count({ where: { entityId: bits.author.id, action: "author.update" } })).toBe(1);
    expect((await listAuthorsForDesk(editor)).find((a) => a.id === bits.author.id)).toMatchObject({ title: "Night editor", hasBio: true });
  });

  it("refuses a save over someone else's newer one, and changes nothing", async () => {
    const loaded = (await getAuthorForEdit(editor, bits.author.id))!;
    await updateAuthor(editor, { id: loaded.id, name: "First editor's name", updatedAt: loaded.updatedAt });
    const error = await updateAuthor(editor, { id: loaded.id, name: "Second editor's name", updatedAt: loaded.updatedAt }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("conflict");
    expect((await db.author.findUniqueOrThrow({ where: { id: bits.author.id } })).name).toBe("First editor's name");
  });

  it("is for editors: a writer is refused and the field rules hold", async () => {
    const loaded = (await getAuthorForEdit(editor, bits.author.id))!;
    await expect(updateAuthor(writer, { id: loaded.id, name: "Writer's try", updatedAt: loaded.updatedAt })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getAuthorForEdit(writer, loaded.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateAuthor(editor, { id: loaded.id, name: " ", updatedAt: loaded.updatedAt })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { name: ["Enter the byline's name."] },
    });
    await expect(
      updateAuthor(editor, { id: loaded.id, name: "Ok", bio: "x".repeat(2001), updatedAt: loaded.updatedAt }),
    ).rejects.toMatchObject({ fieldErrors: { bio: ["Keep the bio under 2000 characters."] } });
  });
});
