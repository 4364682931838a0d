import type { z } from "zod";
import { db, type Tx } from "../db";
import { recordAudit } from "../audit/mutations";
import type { Viewer } from "../auth/viewer";
import { assertSection } from "./policy";
import { AppError, parseOrThrow } from "../errors";
import { createSectionSchema, deleteSectionSchema, moveSectionSchema, updateSectionSchema } from "./schema";

/** Refuses an address another section has, or one that still forwards readers to another section. */
async function assertSlugFree(tx: Tx, slug: string, sectionId: string | null) {
  const taken = (message: string) => new AppError("conflict", message, { slug: [message] });
  const section = await tx.section.findUnique({ where: { slug }, select: { id: true } });
  if (section && section.id !== sectionId) throw taken("Another section has this address.");
  const forward = await tx.sectionRedirect.findUnique({
    where: { fromSlug: slug },
    select: { section: { select: { id: true, name: true } } },
  });
  if (forward && forward.section.id !== sectionId)
    throw taken(`This address still forwards readers to ${forward.section.name}; choose another.`);
}

export async function createSection(viewer: Viewer, input: z.input<typeof createSectionSchema>) {
  assertSection(viewer, "create");
  const data = parseOrThrow(createSectionSchema, input);
  return db.$transaction(async (tx) => {
    await assertSlugFree(tx, data.slug, null);
    const last = await tx.section.aggregate({ _max: { position: true } });
    const section = await tx.section.create({
      data: { name: data.name, slug: data.slug, description: data.description || null, position: (last._max.position ?? -1) + 1 },
      select: { id: true, slug: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "section.create",
      entityType: "Section",
      entityId: section.id,
      data: { name: data.name, slug: data.slug },
    });
    return section;
  });
}

/**
 * Renames a section, changes its description or moves it to a new address. Its old address keeps
 * answering with a 308 to the new one (its pages, its feed, its stories' old addresses), so no link
 * to it breaks.
 */
export async function updateSection(viewer: Viewer, input: z.input<typeof updateSectionSchema>) {
  assertSection(viewer, "update");
  const data = parseOrThrow(updateSectionSchema, input);
  return db.$transaction(async (tx) => {
    const current = await tx.section.findUnique({ where: { id: data.id }, select: { name: true, slug: true, description: true } });
    if (!current) throw new AppError("not_found", "That section no longer exists.");
    if (data.slug !== current.slug) {
      await assertSlugFree(tx, data.slug, data.id);
      // Back to an address it had before: that one no longer forwards.
      await tx.sectionRedirect.deleteMany({ where: { fromSlug: data.slug } });
      await tx.sectionRedirect.create({ data: { fromSlug: current.slug, sectionId: data.id } });
    }
    const section = await tx.section.update({
      where: { id: data.id },
      data: { name: data.name, slug: data.slug, description: data.description || null },
      select: { id: true, slug: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "section.update",
      entityType: "Section",
      entityId: section.id,
      data: {
        before: { name: current.name, slug: current.slug, description: current.description },
        after: { name: data.name, slug: data.slug, description: data.description },
      },
    });
    return { ...section, previousSlug: current.slug };
  });
}

/** Puts positions in order 0..n-1 (older rows may share a position) and returns the ids in that order. */
async function orderedIds(tx: Tx): Promise<string[]> {
  const rows = await tx.section.findMany({ select: { id: true, position: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
  for (const [i, row] of rows.entries()) if (row.position !== i) await tx.section.update({ where: { id: row.id }, data: { position: i } });
  return rows.map((r) => r.id);
}

/** Moves a section one place earlier or later in the masthead. */
export async function moveSection(viewer: Viewer, input: z.input<typeof moveSectionSchema>) {
  assertSection(viewer, "move");
  const data = parseOrThrow(moveSectionSchema, input);
  return db.$transaction(async (tx) => {
    const ids = await orderedIds(tx);
    const from = ids.indexOf(data.id);
    if (from < 0) throw new AppError("not_found", "That section no longer exists.");
    const to = data.direction === "up" ? from - 1 : from + 1;
    // Where it stands after (0-based) among how many: what the desk tells the editor.
    if (to < 0 || to >= ids.length) return { id: data.id, moved: false, place: from, count: ids.length };
    await tx.section.update({ where: { id: ids[from]! }, data: { position: to } });
    await tx.section.update({ where: { id: ids[to]! }, data: { position: from } });
    await recordAudit(tx, { actorId: viewer.id, action: "section.move", entityType: "Section", entityId: data.id, data: { from, to } });
    return { id: data.id, moved: true, place: to, count: ids.length };
  });
}

/** Deletes a section no story is filed in (any status). */
export async function deleteSection(viewer: Viewer, input: z.input<typeof deleteSectionSchema>) {
  assertSection(viewer, "delete");
  const data = parseOrThrow(deleteSectionSchema, input);
  return db.$transaction(async (tx) => {
    const current = await tx.section.findUnique({
      where: { id: data.id },
      select: { name: true, slug: true, _count: { select: { articles: true } } },
    });
    if (!current) throw new AppError("not_found", "That section no longer exists.");
    assertSection(viewer, "delete", { name: current.name, filed: current._count.articles });
    await tx.section.delete({ where: { id: data.id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "section.delete",
      entityType: "Section",
      entityId: data.id,
      data: { name: current.name, slug: current.slug },
    });
    return { id: data.id, slug: current.slug };
  });
}
