import { db } from "../db";
import { expireEverything } from "../cache/invalidation";
import { env } from "../env";
import { generatePassword } from "../auth/password";
import type { Viewer } from "../auth/viewer";
import { createArticle, transitionArticle, addCorrection } from "../articles/mutations/index";
import { bodyFromParagraphs } from "../articles/body";
import { createImage } from "../media/ingest";
import { createUserWithPassword } from "../users/mutations";
import { DEMO_ARTICLES, DEMO_AUTHORS, DEMO_SECTIONS, DEMO_TAGS } from "./demo-content";
import { renderDemoImage } from "./demo-images";
import { WIRE_STORY } from "./wire-story";

export type SeedResult = {
  admin: { email: string; created: boolean; password?: string };
  articlesCreated: number;
};

const HOUR = 3_600_000;

/** True when the database holds no users and no stories: a fresh install. */
export async function isDatabaseEmpty(): Promise<boolean> {
  const [users, articles] = await Promise.all([db.user.count(), db.article.count()]);
  return users === 0 && articles === 0;
}

/**
 * Seeds the demo newsroom. Idempotent: records are matched by email or slug, and
 * whatever exists already is left as it is.
 */
export async function seedDemoNewsroom(now = new Date()): Promise<SeedResult> {
  const admin = await ensureAdmin();
  const viewer: Viewer = { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN" };

  const sectionIds = new Map<string, string>();
  for (const [position, s] of DEMO_SECTIONS.entries()) {
    const row = await db.section.upsert({ where: { slug: s.slug }, create: { ...s, position }, update: {}, select: { id: true } });
    sectionIds.set(s.slug, row.id);
  }
  const authorIds = new Map<string, string>();
  for (const a of DEMO_AUTHORS) {
    const row = await db.author.upsert({ where: { slug: a.slug }, create: a, update: {}, select: { id: true } });
    authorIds.set(a.slug, row.id);
  }
  const tagIds = new Map<string, string>();
  for (const t of DEMO_TAGS) {
    const row = await db.tag.upsert({ where: { slug: t.slug }, create: t, update: {}, select: { id: true } });
    tagIds.set(t.slug, row.id);
  }
  const pick = (map: Map<string, string>, keys: string[]) => keys.map((k) => map.get(k)!).filter(Boolean);

  let articlesCreated = 0;
  const exists = async (slug: string) => (await db.article.count({ where: { slug } })) > 0;

  if (!(await exists(WIRE_STORY.slug))) {
    const { photo } = WIRE_STORY;
    const image = await createImage(viewer, await renderDemoImage(photo.file), photo, photo.file);
    const created = await createArticle(viewer, {
      slug: WIRE_STORY.slug,
      headline: WIRE_STORY.headline,
      dek: WIRE_STORY.dek,
      dateline: WIRE_STORY.dateline,
      sectionId: sectionIds.get("climate"),
      authorIds: pick(authorIds, ["northern-wire", "maria-okonkwo"]),
      tagIds: pick(tagIds, ["flooding", "local-government"]),
      body: bodyFromParagraphs(WIRE_STORY.paragraphs),
      sources: WIRE_STORY.sources,
      hero: { imageId: image.id },
    });
    const live = await transitionArticle(
      viewer,
      { id: created.id, version: created.version, to: "PUBLISHED" },
      new Date(now.getTime() - 2 * HOUR),
    );
    await addCorrection(
      viewer,
      { articleId: created.id, version: live.version, kind: "CORRECTION", text: WIRE_STORY.correction },
      new Date(now.getTime() - HOUR),
    );
    articlesCreated++;
  }

  for (const a of DEMO_ARTICLES) {
    if (await exists(a.slug)) continue;
    const hero = a.photo
      ? await createImage(
          viewer,
          await renderDemoImage(a.photo),
          {
            altText: "A low white clinic building with a red cross sign and people waiting outside.",
            caption: "People queue outside a vaccination clinic. Clinics will stay open until 8 p.m. on weekdays.",
            credit: "Jonas Berg",
            agency: "Dateline",
            copyright: "© 2026 Dateline",
            license: "Staff photo.",
          },
          a.photo,
        )
      : null;
    let saved = await createArticle(viewer, {
      slug: a.slug,
      headline: a.headline,
      dek: a.dek,
      dateline: a.dateline,
      sectionId: sectionIds.get(a.section),
      authorIds: pick(authorIds, a.authors),
      tagIds: pick(tagIds, a.tags),
      body: bodyFromParagraphs(a.paragraphs),
      hero: hero ? { imageId: hero.id } : null,
    });
    const at = new Date(now.getTime() - a.hoursAgo * HOUR);
    const move = async (to: "IN_REVIEW" | "SCHEDULED" | "PUBLISHED" | "UNPUBLISHED", extra = {}) => {
      saved = await transitionArticle(viewer, { id: saved.id, version: saved.version, to, ...extra }, a.hoursAgo > 0 ? at : now);
    };
    if (a.status === "IN_REVIEW") await move("IN_REVIEW");
    if (a.status === "SCHEDULED") await move("SCHEDULED", { scheduledFor: at });
    if (a.status === "PUBLISHED" || a.status === "UNPUBLISHED") await move("PUBLISHED");
    if (a.status === "UNPUBLISHED") await move("UNPUBLISHED", { reason: "Duplicate of an agency story already on the site." });
    articlesCreated++;
  }
  // A seed run beside running servers (npm run db:seed): every public page may show what it made,
  // in every process (they kept an empty front page until restarted), and the servers purge the
  // caches in front once they hear of it. A script waits for expiryRecordsWritten() before it exits.
  if (articlesCreated > 0) expireEverything(() => {});
  return { admin: { email: admin.email, created: admin.created, password: admin.password }, articlesCreated };
}

/** The first admin: password from DATELINE_ADMIN_PASSWORD, or generated and returned once to be printed. */
async function ensureAdmin() {
  const email = env.DATELINE_ADMIN_EMAIL.toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (existing) return { ...existing, created: false as const, password: undefined };
  const password = env.DATELINE_ADMIN_PASSWORD ?? generatePassword();
  const user = await createUserWithPassword(null, { email, name: "Newsroom Admin", role: "ADMIN", password });
  return { ...user, created: true as const, password: env.DATELINE_ADMIN_PASSWORD ? undefined : password };
}
