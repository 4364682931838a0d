import type { z } from "zod";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { storyScope } from "../articles/policy";
import type { Prisma } from "../generated/prisma/client";
import { decodeCursor, encodeCursor } from "./public-reads";
import type { deskStoryListQuerySchema } from "./desk-schemas";

/** The stories the key's user sees on the desk (writers: their own), most recently changed first. */
export async function listDeskStories(viewer: Viewer, query: z.output<typeof deskStoryListQuerySchema>) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.ArticleWhereInput = {
    AND: [
      storyScope(viewer),
      query.status ? { status: query.status } : {},
      after?.at ? { OR: [{ updatedAt: { lt: new Date(after.at) } }, { updatedAt: new Date(after.at), id: { lt: after.id } }] } : {},
    ],
  };
  const rows = await db.article.findMany({
    where,
    select: { id: true, slug: true, headline: true, status: true, version: true, updatedAt: true },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.updatedAt.toISOString(), id: last.id }) : null,
  };
}
