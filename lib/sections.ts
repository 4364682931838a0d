import { z } from "zod";
import { db, type Tx } from "./db";
import { recordAudit } from "./audit/mutations";
import { assertPermission, type Viewer } from "./auth/viewer";
import { AppError, parseOrThrow } from "./errors";
import { ArticleStatus } from "./generated/prisma/enums";
import { slugSchema } from "./format/slug";

/** Sections in masthead order. */
export function listSections() {
  return db.section.findMany({
    select: { id: true, name: true, slug: true, description: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
}

export function getSectionBySlug(slug: string) {
  return db.section.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true } });
}

/**
 * A section lives at /<slug>, beside the site's own top-level addresses: those it may not take.
 * ("news" is where stories without a section live.)
 */
export const RESERVED_SECTION_SLUGS = [
  "admin",
  "api",
  "login",
  "logout",
  "search",
  "authors",
  "tags",
  "edition",
  "media",
  "sitemaps",
  "news",
  "static",
  "assets",
  "public",
  "p",
];

const sectionFields = {
  name: z.string().trim().min(1, "Name the section.").max(60, "Section names can be at most 60 characters."),
  slug: slugSchema.refine((slug) => !RESERVED_SECTION_SLUGS.includes(slug), "This address is taken by the site itself; choose another."),
  description: z.string().trim().max(300, "Keep the description under 300 characters.").default(""),
};
export const createSectionSchema = z.object(sectionFields);
export const updateSectionSchema = z.object({ id: z.string().min(1), ...sectionFields });
export const moveSectionSchema = z.object({ id: z.string().min(1), direction: z.enum(["up", "down"]) });
export const deleteSectionSchema = z.object({ id: z.string().min(1) });

/** Sections for the admin screen, in masthead order, with how many stories each holds. */
export async function listSectionsForAdmin(viewer: Viewer) {
  assertPermission(viewer, "section.manage");
  const [sections, published] = await Promise.all([
    db.section.findMany({
      select: { id: true, name: true, slug: true, description: true, _count: { select: { articles: true } } },
      orderBy: [{ position: "asc" }, { name: "asc" }],
    }),
    db.article.groupBy({ by: ["sectionId"], where: { status: ArticleStatus.PUBLISHED }, _count: { _all: true } }),
  ]);
  const live = new Map(published.map((p) => [p.sectionId, p._count._all]));
  return sections.map(({ _count, description, ...s }) => ({
    ...s,
    description: description ?? "",
    stories: _count.articles,
    published: live.get(s.id) ?? 0,
  }));
}

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

/** Where an old section address lives now ("/<slug>"), or null. */
export async function resolveSectionRedirect(slug: string): Promise<string | null> {
  const forward = await db.sectionRedirect.findUnique({ where: { fromSlug: slug }, select: { section: { select: { slug: true } } } });
  return forward ? `/${forward.section.slug}` : null;
}

export async function createSection(viewer: Viewer, input: z.input<typeof createSectionSchema>) {
  assertPermission(viewer, "section.manage");
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
  assertPermission(viewer, "section.manage");
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
  assertPermission(viewer, "section.manage");
  const data = parseOrThrow(moveSectionSchema, input);
  return db.$transaction(async (tx) => {
    const ids = await orderedIds(tx);
    const from = ids.indexOf(data.id);
    if (from < 0) throw new AppError("not_found", "That section no longer exists.");
    const to = data.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return { id: data.id, moved: false };
    await tx.section.update({ where: { id: ids[from]! }, data: { position: to } });
    await tx.section.update({ where: { id: ids[to]! }, data: { position: from } });
    await recordAudit(tx, { actorId: viewer.id, action: "section.move", entityType: "Section", entityId: data.id, data: { from, to } });
    return { id: data.id, moved: true };
  });
}

/** Deletes a section no story is filed in (any status). */
export async function deleteSection(viewer: Viewer, input: z.input<typeof deleteSectionSchema>) {
  assertPermission(viewer, "section.manage");
  const data = parseOrThrow(deleteSectionSchema, input);
  return db.$transaction(async (tx) => {
    const current = await tx.section.findUnique({
      where: { id: data.id },
      select: { name: true, slug: true, _count: { select: { articles: true } } },
    });
    if (!current) throw new AppError("not_found", "That section no longer exists.");
    const filed = current._count.articles;
    if (filed > 0)
      throw new AppError(
        "invalid",
        `${filed === 1 ? "1 story is" : `${filed} stories are`} filed in ${current.name}. Move ${filed === 1 ? "it" : "them"} to another section first.`,
      );
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
