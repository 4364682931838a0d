import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { ArticleStatus } from "../generated/prisma/enums";
import { db, typedSearch } from "../db";
import type { Viewer } from "../auth/viewer";
import { storyScope } from "./policy";

export const DESK_PAGE_SIZE = 25;

/** The filters that narrow the story list; sort and page only order and split it. */
const narrowingSchema = z.object({
  status: z.enum(ArticleStatus).optional().catch(undefined),
  section: z.string().max(64).optional().catch(undefined),
  author: z.string().max(64).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});

/** The story list's filters, parsed from the URL's search params. */
export const deskFilterSchema = narrowingSchema.extend({
  sort: z.enum(["updated", "published", "scheduled"]).default("updated").catch("updated"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type DeskFilter = z.output<typeof deskFilterSchema>;

/** Whether the filter leaves some stories out ("No stories match" rather than "No stories yet"). */
export function isNarrowed(filter: DeskFilter): boolean {
  return Object.keys(narrowingSchema.shape).some((key) => Boolean(filter[key as keyof typeof narrowingSchema.shape]));
}

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

const ORDER: Record<DeskFilter["sort"], Prisma.ArticleOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "desc" }],
  published: [{ firstPublishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  scheduled: [{ scheduledFor: { sort: "asc", nulls: "last" } }, { id: "desc" }],
};

/** The stories on the viewer's desk, filtered, sorted and one page at a time. */
export async function listDeskArticles(viewer: Viewer, filter: Partial<DeskFilter> = {}) {
  const f = deskFilterSchema.parse(filter);
  const where: Prisma.ArticleWhereInput = {
    AND: [
      storyScope(viewer),
      f.status ? { status: f.status } : {},
      f.section ? { sectionId: f.section } : {},
      f.author ? { authors: { some: { authorId: f.author } } } : {},
      ...typedSearch(f.q ?? "").map((text) => ({ headline: text })),
    ],
  };
  const [rows, total] = await Promise.all([
    db.article.findMany({
      where,
      select: deskRowSelect,
      orderBy: ORDER[f.sort],
      take: DESK_PAGE_SIZE,
      skip: (f.page - 1) * DESK_PAGE_SIZE,
    }),
    db.article.count({ where }),
  ]);
  return { rows, total, page: f.page, pages: Math.max(1, Math.ceil(total / DESK_PAGE_SIZE)), filter: f };
}
