import { db } from "./db";

/** Sections in masthead order. */
export function listSections() {
  return db.section.findMany({ select: { id: true, name: true, slug: true, description: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
}

export function getSectionBySlug(slug: string) {
  return db.section.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true } });
}
