import { db } from "../db";

export function listTags() {
  return db.tag.findMany({ select: { id: true, name: true, slug: true }, orderBy: { name: "asc" } });
}

export function getTagBySlug(slug: string) {
  return db.tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}
