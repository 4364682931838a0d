import { createHash } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import { AppError } from "../errors";

/** Everything a revision keeps of a story, so any revision can be shown, compared and restored. */
export const snapshotSelect = {
  id: true,
  slug: true,
  headline: true,
  dek: true,
  dateline: true,
  body: true,
  status: true,
  sectionId: true,
  seoTitle: true,
  seoDescription: true,
  canonicalUrl: true,
  language: true,
  scheduledFor: true,
  version: true,
  authors: { select: { authorId: true, position: true }, orderBy: { position: "asc" } },
  tags: { select: { tagId: true } },
  sources: {
    select: { url: true, title: true, publisher: true, kind: true, note: true, accessedAt: true, archivedUrl: true },
    orderBy: { position: "asc" },
  },
  images: {
    select: { imageId: true, role: true, position: true, caption: true, credit: true, agency: true, altText: true, creditLine: true },
    orderBy: [{ role: "asc" }, { position: "asc" }],
  },
} satisfies Prisma.ArticleSelect;

export type ArticleSnapshot = Prisma.ArticleGetPayload<{ select: typeof snapshotSelect }>;

/**
 * Writes a Revision holding the story as it now stands in `tx`, and returns its id. The body,
 * nearly all of a revision's size, is stored once per distinct text: a revision whose body
 * equals an earlier revision's (a save that changed only the headline, a publish, a correction)
 * points at that revision instead (bodyRevisionId), so ten saves of a 100,000-word story with
 * one body hold one copy of it. getRevision (revisions.ts) puts the body back.
 */
export async function writeRevision(tx: Tx, articleId: string, authorId: string | null, note: string): Promise<string> {
  const snapshot = await tx.article.findUnique({ where: { id: articleId }, select: snapshotSelect });
  if (!snapshot) throw new AppError("not_found", "That story no longer exists.");
  const bodySha = createHash("sha256").update(JSON.stringify(snapshot.body)).digest("hex");
  const holder = await tx.revision.findFirst({
    where: { articleId, bodySha, bodyRevisionId: null },
    select: { id: true },
    orderBy: { createdAt: "desc" },
  });
  const stored = holder ? { ...snapshot, body: null } : snapshot;
  const revision = await tx.revision.create({
    data: {
      articleId,
      version: snapshot.version,
      snapshot: JSON.parse(JSON.stringify(stored)),
      note,
      authorId,
      bodySha,
      bodyRevisionId: holder?.id ?? null,
    },
    select: { id: true },
  });
  return revision.id;
}
