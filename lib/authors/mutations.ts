import type { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { freeSlug } from "../format/free-slug";
import { createAuthorSchema, updateAuthorSchema } from "./schema";

/** Creates a byline, e.g. for a freelancer who never signs in (any signed-in role). */
export async function createAuthor(viewer: Viewer, input: z.input<typeof createAuthorSchema>) {
  assertPermission(viewer, "author.create");
  const data = parseOrThrow(createAuthorSchema, input);
  const slug = await freeSlug(data.name, async (s) => (await db.author.count({ where: { slug: s } })) > 0);
  return db.$transaction(async (tx) => {
    const author = await tx.author.create({
      data: { name: data.name, title: data.title || null, kind: data.kind, slug },
      select: { id: true, name: true, slug: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "author.create",
      entityType: "Author",
      entityId: author.id,
      data: { name: author.name, kind: data.kind },
    });
    return author;
  });
}

/**
 * Saves a byline's name, title, bio and kind (editors). Its address (slug) stays, so links to the
 * author page keep working. Refused with a conflict when someone saved it after `updatedAt`.
 */
export async function updateAuthor(viewer: Viewer, input: z.input<typeof updateAuthorSchema>) {
  assertPermission(viewer, "author.manage");
  const data = parseOrThrow(updateAuthorSchema, input);
  return db.$transaction(async (tx) => {
    const current = await tx.author.findUnique({
      where: { id: data.id },
      select: { updatedAt: true, name: true, title: true, bio: true, kind: true },
    });
    if (!current) throw new AppError("not_found", "That byline no longer exists.");
    if (current.updatedAt.toISOString() !== data.updatedAt) {
      throw new AppError(
        "conflict",
        "Someone saved this byline after you opened it. Reload to see their version; your text is still in the form.",
      );
    }
    const author = await tx.author.update({
      where: { id: data.id },
      data: { name: data.name, title: data.title || null, bio: data.bio || null, kind: data.kind },
      select: { id: true, slug: true, updatedAt: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "author.update",
      entityType: "Author",
      entityId: author.id,
      data: {
        before: { name: current.name, title: current.title, bio: current.bio, kind: current.kind },
        after: { name: data.name, title: data.title, bio: data.bio, kind: data.kind },
      },
    });
    return { id: author.id, slug: author.slug, updatedAt: author.updatedAt.toISOString() };
  });
}
