import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { articleScope } from "./policy";

const deskRowSelect = {
  id: true,
  slug: true,
  headline: true,
  status: true,
  updatedAt: true,
  scheduledFor: true,
  firstPublishedAt: true,
  section: { select: { name: true, slug: true } },
  authors: { select: { author: { select: { name: true } } }, orderBy: { position: "asc" } },
  updatedBy: { select: { name: true } },
} satisfies Prisma.ArticleSelect;

export type DeskRow = Prisma.ArticleGetPayload<{ select: typeof deskRowSelect }>;

/** The stories on the viewer's desk, most recently updated first. */
export async function listDeskArticles(viewer: Viewer, { limit = 50, offset = 0 } = {}): Promise<DeskRow[]> {
  return db.article.findMany({
    where: articleScope(viewer),
    select: deskRowSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: Math.min(limit, 200),
    skip: offset,
  });
}
