import { db } from "../db";
import { assertPermission, type Viewer } from "../auth/viewer";
import { decideSection } from "./policy";
import { readerVisibleWhere } from "../articles/policy";

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

/** Sections for the admin screen, in masthead order, with how many stories each holds. */
export async function listSectionsForAdmin(viewer: Viewer) {
  assertPermission(viewer, "section.manage");
  const [sections, published] = await Promise.all([
    db.section.findMany({
      select: { id: true, name: true, slug: true, description: true, _count: { select: { articles: true } } },
      orderBy: [{ position: "asc" }, { name: "asc" }],
    }),
    db.article.groupBy({ by: ["sectionId"], where: readerVisibleWhere, _count: { _all: true } }),
  ]);
  const live = new Map(published.map((p) => [p.sectionId, p._count._all]));
  return sections.map(({ _count, description, ...s }) => ({
    ...s,
    description: description ?? "",
    stories: _count.articles,
    published: live.get(s.id) ?? 0,
    canDelete: decideSection(viewer, "delete", { name: s.name, filed: _count.articles }).allowed,
  }));
}

/** Where an old section address lives now ("/<slug>"), or null. */
export async function resolveSectionRedirect(slug: string): Promise<string | null> {
  const forward = await db.sectionRedirect.findUnique({ where: { fromSlug: slug }, select: { section: { select: { slug: true } } } });
  return forward ? `/${forward.section.slug}` : null;
}
