import { z } from "zod";
import { db } from "./db";
import { recordAudit } from "./audit/mutations";
import { assertPermission, type Viewer } from "./auth/viewer";
import { AppError } from "./errors";
import { slugify } from "./format/slug";

export const createTagSchema = z.object({ name: z.string().trim().min(1, "Name the tag.").max(60, "Tags can be at most 60 characters.") });
export const createAuthorSchema = z.object({
  name: z.string().trim().min(1, "Enter the byline's name.").max(120, "Names can be at most 120 characters."),
  title: z.string().trim().max(120).default(""),
});

export function listTags() {
  return db.tag.findMany({ select: { id: true, name: true, slug: true }, orderBy: { name: "asc" } });
}

/** A unique slug from a name: "maria-lopez", then "maria-lopez-2"… */
async function freeSlug(name: string, taken: (slug: string) => Promise<boolean>) {
  const base = slugify(name) || "item";
  for (let i = 1; i < 100; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!(await taken(slug))) return slug;
  }
  throw new AppError("conflict", "Too many items share this name.");
}

/** Finds a tag by name (any case) or creates it (any signed-in role). */
export async function createTag(viewer: Viewer, input: z.output<typeof createTagSchema>) {
  assertPermission(viewer, "tag.create");
  const slug = slugify(input.name);
  if (!slug) throw new AppError("invalid", "Use letters or digits in the tag.", { name: ["Use letters or digits in the tag."] });
  const existing = await db.tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (existing) return existing;
  return db.$transaction(async (tx) => {
    const tag = await tx.tag.create({ data: { name: input.name, slug }, select: { id: true, name: true, slug: true } });
    await recordAudit(tx, { actorId: viewer.id, action: "tag.create", entityType: "Tag", entityId: tag.id, data: { name: tag.name } });
    return tag;
  });
}

/** Creates a byline, e.g. for a freelancer who never signs in (any signed-in role). */
export async function createAuthor(viewer: Viewer, input: z.output<typeof createAuthorSchema>) {
  assertPermission(viewer, "author.create");
  const slug = await freeSlug(input.name, async (s) => (await db.author.count({ where: { slug: s } })) > 0);
  return db.$transaction(async (tx) => {
    const author = await tx.author.create({
      data: { name: input.name, title: input.title || null, slug },
      select: { id: true, name: true, slug: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "author.create",
      entityType: "Author",
      entityId: author.id,
      data: { name: author.name },
    });
    return author;
  });
}

export function getTagBySlug(slug: string) {
  return db.tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}
