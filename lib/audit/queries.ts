import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { db, typedSearch } from "../db";
import { assertPermission, type Viewer } from "../auth/viewer";
import { photoTitle } from "../media/schema";
import { auditSentence } from "./sentences";

export const AUDIT_PAGE_SIZE = 50;

/** The audit log's filters: one story (by id, or stories whose headline contains `q`), one person, and the page. */
export const auditFilterSchema = z.object({
  story: z.string().trim().max(40).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  actor: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

const eventSelect = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  data: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} satisfies Prisma.AuditEventSelect;
type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

/** The names records have now (a story's headline, a photo as the desk calls it, a person's name), by type and id. */
async function namesOf(rows: EventRow[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
  const [articles, images, sections, authors, tags, users, keys, hooks, feeds] = await Promise.all([
    db.article.findMany({ where: { id: { in: ids("Article") } }, select: { id: true, headline: true } }),
    db.image.findMany({ where: { id: { in: ids("Image") } }, select: { id: true, caption: true, originalFilename: true } }),
    db.section.findMany({ where: { id: { in: ids("Section") } }, select: { id: true, name: true } }),
    db.author.findMany({ where: { id: { in: ids("Author") } }, select: { id: true, name: true } }),
    db.tag.findMany({ where: { id: { in: ids("Tag") } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: ids("User") } }, select: { id: true, name: true } }),
    db.apiKey.findMany({ where: { id: { in: ids("ApiKey") } }, select: { id: true, name: true } }),
    db.webhook.findMany({ where: { id: { in: ids("Webhook") } }, select: { id: true, name: true } }),
    db.wireFeed.findMany({ where: { id: { in: ids("WireFeed") } }, select: { id: true, name: true } }),
  ]);
  return new Map<string, string>([
    ...articles.map((a) => [`Article:${a.id}`, a.headline || "Untitled story"] as const),
    ...images.map((i) => [`Image:${i.id}`, photoTitle(i)] as const),
    ...sections.map((s) => [`Section:${s.id}`, s.name] as const),
    ...authors.map((a) => [`Author:${a.id}`, a.name] as const),
    ...tags.map((t) => [`Tag:${t.id}`, t.name] as const),
    ...users.map((u) => [`User:${u.id}`, u.name] as const),
    ...keys.map((k) => [`ApiKey:${k.id}`, k.name] as const),
    ...hooks.map((h) => [`Webhook:${h.id}`, h.name] as const),
    ...feeds.map((f) => [`WireFeed:${f.id}`, f.name] as const),
  ]);
}

/** Audit events as sentences, newest first, in the newsroom's time zone. */
async function toSentences(rows: EventRow[], timeZone: string) {
  const names = await namesOf(rows);
  return rows.map((r) => {
    const entityName = names.get(`${r.entityType}:${r.entityId}`) ?? null;
    return {
      id: r.id,
      action: r.action,
      createdAt: r.createdAt.toISOString(),
      actor: r.actor,
      story: r.entityType === "Article" ? { id: r.entityId, headline: entityName } : null,
      sentence: auditSentence({ ...r, entityName, actorName: r.actor?.name ?? null }, timeZone),
    };
  });
}
export type AuditEntry = Awaited<ReturnType<typeof toSentences>>[number];

/** The audit log, filtered by story and by person, as sentences (audit.view: editors and admins). */
export async function listAuditLog(viewer: Viewer, filter: Partial<AuditFilter>, timeZone: string) {
  assertPermission(viewer, "audit.view");
  const f = auditFilterSchema.parse(filter);
  // Text of quotation marks only asks for nothing (typedSearch): no filter, not an empty AND (every story).
  const sought = f.q ? typedSearch(f.q) : [];
  const storyIds = f.story
    ? [f.story]
    : sought.length
      ? (
          await db.article.findMany({
            where: { AND: sought.map((text) => ({ headline: text })) },
            select: { id: true },
            take: 500,
          })
        ).map((a) => a.id)
      : null;
  const where: Prisma.AuditEventWhereInput = {
    ...(storyIds ? { entityType: "Article", entityId: { in: storyIds } } : {}),
    ...(f.actor ? { actorId: f.actor } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      select: eventSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: AUDIT_PAGE_SIZE,
      skip: (f.page - 1) * AUDIT_PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
  ]);
  return {
    entries: await toSentences(rows, timeZone),
    total,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    filter: f,
  };
}

/** The people the log can be filtered by: everyone who has an account. */
export function listAuditPeople() {
  return db.user.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
