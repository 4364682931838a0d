import { db } from "../db";
import { onReaderVisibleStoryWhere } from "../articles/policy";

export function listTags() {
  return db.tag.findMany({ select: { id: true, name: true, slug: true }, orderBy: { name: "asc" } });
}

/** A tag's public page: only a tag on a story readers can read (lib/articles/policy.ts). */
export function getTagBySlug(slug: string) {
  return db.tag.findFirst({ where: { slug, ...onReaderVisibleStoryWhere }, select: { id: true, name: true, slug: true } });
}
