import { db } from "../db";
import { assertPermission, type Viewer } from "../auth/viewer";
import { onReaderVisibleStoryWhere, readerVisibleWhere } from "../articles/policy";
import { toAuthorKind } from "./schema";

/** A byline's public page: only a byline on a story readers can read (lib/articles/policy.ts). */
export function getAuthorBySlug(slug: string) {
  return db.author.findFirst({
    where: { slug, ...onReaderVisibleStoryWhere },
    select: { id: true, name: true, slug: true, title: true, bio: true },
  });
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
      kind: true,
      user: { select: { email: true } },
      _count: { select: { articles: true } },
    },
    orderBy: { name: "asc" },
  });
  return rows.map(({ _count, user, bio, kind, ...a }) => ({
    ...a,
    kind: toAuthorKind(kind),
    hasBio: !!bio?.trim(),
    email: user?.email ?? null,
    stories: _count.articles,
  }));
}

export async function getAuthorForEdit(viewer: Viewer, id: string) {
  assertPermission(viewer, "author.manage");
  const author = await db.author.findUnique({
    where: { id },
    select: { id: true, name: true, slug: true, title: true, bio: true, kind: true, updatedAt: true },
  });
  if (!author) return null;
  const published = await db.articleAuthor.count({ where: { authorId: id, article: readerVisibleWhere } });
  return {
    ...author,
    title: author.title ?? "",
    bio: author.bio ?? "",
    kind: toAuthorKind(author.kind),
    updatedAt: author.updatedAt.toISOString(),
    published,
  };
}
