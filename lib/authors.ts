import { z } from "zod";
import { db } from "./db";
import { recordAudit } from "./audit/mutations";
import { assertPermission, type Viewer } from "./auth/viewer";
import { AppError, parseOrThrow } from "./errors";
import { ArticleStatus } from "./generated/prisma/enums";

export function getAuthorBySlug(slug: string) {
  return db.author.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, title: true, bio: true } });
}

/** Bylines for pickers, alphabetical. */
export function listAuthors() {
  return db.author.findMany({ select: { id: true, name: true, slug: true, userId: true }, orderBy: { name: "asc" } });
}

/** Bylines for the desk's Bylines screen: who they are, whose account they are, how many stories carry them. */
export async function listAuthorsForDesk(viewer: Viewer) {
  assertPermission(viewer, "author.manage");
  const rows = await db.author.findMany({
    select: {
      id: true,
      name: true,
      slug: true,
      title: true,
      bio: true,
      user: { select: { email: true } },
      _count: { select: { articles: true } },
    },
    orderBy: { name: "asc" },
  });
  return rows.map(({ _count, user, bio, ...a }) => ({ ...a, hasBio: !!bio?.trim(), email: user?.email ?? null, stories: _count.articles }));
}

export async function getAuthorForEdit(viewer: Viewer, id: string) {
  assertPermission(viewer, "author.manage");
  const author = await db.author.findUnique({
    where: { id },
    select: { id: true, name: true, slug: true, title: true, bio: true, updatedAt: true },
  });
  if (!author) return null;
  const published = await db.articleAuthor.count({ where: { authorId: id, article: { status: ArticleStatus.PUBLISHED } } });
  return { ...author, title: author.title ?? "", bio: author.bio ?? "", updatedAt: author.updatedAt.toISOString(), published };
}

export const updateAuthorSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, "Enter the byline's name.").max(120, "Names can be at most 120 characters."),
  title: z.string().trim().max(120, "Titles can be at most 120 characters.").default(""),
  bio: z.string().trim().max(2000, "Keep the bio under 2000 characters.").default(""),
  /** When the editor loaded the byline: a save over someone else's newer one is refused. */
  updatedAt: z.string().min(1),
});

/**
 * Saves a byline's name, title and bio (editors). Its address (slug) stays, so links to the
 * author page keep working. Refused with a conflict when someone saved it after `updatedAt`.
 */
export async function updateAuthor(viewer: Viewer, input: z.input<typeof updateAuthorSchema>) {
  assertPermission(viewer, "author.manage");
  const data = parseOrThrow(updateAuthorSchema, input);
  return db.$transaction(async (tx) => {
    const current = await tx.author.findUnique({ where: { id: data.id }, select: { updatedAt: true, name: true, title: true, bio: true } });
    if (!current) throw new AppError("not_found", "That byline no longer exists.");
    if (current.updatedAt.toISOString() !== data.updatedAt) {
      throw new AppError(
        "conflict",
        "Someone saved this byline after you opened it. Reload to see their version; your text is still in the form.",
      );
    }
    const author = await tx.author.update({
      where: { id: data.id },
      data: { name: data.name, title: data.title || null, bio: data.bio || null },
      select: { id: true, slug: true, updatedAt: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "author.update",
      entityType: "Author",
      entityId: author.id,
      data: {
        before: { name: current.name, title: current.title, bio: current.bio },
        after: { name: data.name, title: data.title, bio: data.bio },
      },
    });
    return { id: author.id, slug: author.slug, updatedAt: author.updatedAt.toISOString() };
  });
}
