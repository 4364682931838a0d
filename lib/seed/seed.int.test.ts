import { describe, expect, it } from "vitest";
import { db } from "../db";
import { getPublishedArticleBySlug } from "../articles/queries";
import { seedDemoNewsroom } from "./seed";
import { expiryRecordsWritten } from "../cache/shared-expiry";
import { tags } from "../cache/tags";
import { WIRE_STORY } from "./wire-story";

describe("the demo newsroom seed", () => {
  it("seeds every status, the wire story in full, and is idempotent", async () => {
    // Running servers hear of what a seed made (npm run db:seed beside them kept an empty front page).
    const frontExpiries = () => db.cacheTagExpiry.count({ where: { tag: tags.front } });
    const expiriesBefore = await frontExpiries();
    const first = await seedDemoNewsroom();
    await expiryRecordsWritten();
    expect(await frontExpiries()).toBe(expiriesBefore + 1);
    expect(first.articlesCreated).toBeGreaterThanOrEqual(8);
    expect(first.admin.created).toBe(true);
    expect(first.admin.password).toMatch(/^\S{20}$/);

    const statuses = await db.article.groupBy({ by: ["status"], _count: true, where: { slug: { not: { startsWith: "test-" } } } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["DRAFT", "IN_REVIEW", "PUBLISHED", "SCHEDULED", "UNPUBLISHED"]);

    const wire = await getPublishedArticleBySlug(WIRE_STORY.slug);
    expect(wire?.headline.startsWith("“")).toBe(true);
    expect(wire?.body.content).toHaveLength(15);
    expect(wire?.hero?.creditLine).toBe("Elena Marsh/Northern Wire Photo");
    expect(wire?.hero?.caption.split(". ").length).toBe(2);
    expect(wire?.sources.length).toBeGreaterThanOrEqual(2);
    expect(wire?.corrections).toHaveLength(1);

    const counts = async () => ({
      users: await db.user.count(),
      articles: await db.article.count(),
      images: await db.image.count(),
      sections: await db.section.count(),
      revisions: await db.revision.count(),
    });
    const before = await counts();
    const second = await seedDemoNewsroom();
    expect(second.articlesCreated).toBe(0);
    expect(second.admin.created).toBe(false);
    expect(second.admin.password).toBeUndefined();
    expect(await counts()).toEqual(before);
    await expiryRecordsWritten();
    expect(await frontExpiries()).toBe(expiriesBefore + 1);
  });
});
