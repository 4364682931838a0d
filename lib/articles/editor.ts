import { cache } from "react";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { bodySchema, emptyBody, type BodyDoc } from "./body";
import { storyFactsSelect, storyPolicy, storyScope, toStoryFacts } from "./policy";
import { snapshotSelect } from "./snapshot";
import { publishProblems, readinessSelect } from "./workflow";
import { articlePath } from "./dto";
import { wireForEditor } from "../wire/queries";
import { readSiteSettings } from "../settings/queries";
import { wireWarning } from "../wire/policy";
import { placementFields } from "../media/schema";

/**
 * Everything the story editor needs about one story, as plain data for the client. Read once per
 * request (React's cache): the page's title and the page itself ask it.
 */
export const getEditorData = cache(async function getEditorData(viewer: Viewer, id: string) {
  const row = await db.article.findFirst({
    where: { AND: [{ id }, storyScope(viewer)] },
    select: {
      ...snapshotSelect,
      ...readinessSelect,
      ...storyFactsSelect,
      authors: { select: { authorId: true, position: true, author: { select: { userId: true } } }, orderBy: { position: "asc" } },
      publishedAt: true,
      contentUpdatedAt: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
      section: { select: { slug: true } },
      corrections: { select: { id: true, kind: true, text: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) return null;
  const { facts: wire, update: wireUpdate } = await wireForEditor(id);
  const policy = storyPolicy(viewer, toStoryFacts(row));
  const body = bodySchema.safeParse(row.body);
  const hero =
    row.images.length > 0
      ? await db.articleImage.findFirst({
          where: { articleId: id, role: "HERO" },
          select: { imageId: true, caption: true, credit: true, agency: true, altText: true, creditLine: true },
        })
      : null;
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    ...policy,
    problems: publishProblems(row, new Date(), { facts: wire, timeZone: (await readSiteSettings()).timeZone }),
    /** The wire item the story was taken from (its embargo and whether the agency killed it), or null. */
    wire: wire && { ...wire, embargoAt: wire.embargoAt ? new Date(wire.embargoAt).toISOString() : null, warning: wireWarning(wire) },
    /** Versions of that item the agency sent after it was taken, and what they changed, or null. */
    wireUpdate,
    livePath: row.status === "PUBLISHED" ? articlePath(row) : null,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
    firstPublishedAt: row.firstPublishedAt?.toISOString() ?? null,
    contentUpdatedAt: row.contentUpdatedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy?.name ?? null,
    corrections: row.corrections.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    fields: {
      headline: row.headline,
      slug: row.slug,
      dek: row.dek,
      dateline: row.dateline,
      sectionId: row.sectionId,
      authorIds: row.authors.map((a) => a.authorId),
      tagIds: row.tags.map((t) => t.tagId),
      body: (body.success ? body.data : emptyBody()) as BodyDoc,
      seoTitle: row.seoTitle ?? "",
      seoDescription: row.seoDescription ?? "",
      canonicalUrl: row.canonicalUrl ?? "",
      /** The story's own language tag; empty: the site's. */
      language: row.language ?? "",
      sources: row.sources.map((s) => ({
        ...s,
        accessedAt: s.accessedAt ? s.accessedAt.toISOString().slice(0, 10) : "",
        archivedUrl: s.archivedUrl ?? "",
      })),
      hero: hero ? placementFields(hero) : null,
    },
  };
});

export type EditorData = NonNullable<Awaited<ReturnType<typeof getEditorData>>>;
export type EditorFields = EditorData["fields"];
