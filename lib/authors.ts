import { db } from "./db";

export function getAuthorBySlug(slug: string) {
  return db.author.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, title: true, bio: true } });
}

/** Bylines for pickers, alphabetical. */
export function listAuthors() {
  return db.author.findMany({ select: { id: true, name: true, slug: true, userId: true }, orderBy: { name: "asc" } });
}
