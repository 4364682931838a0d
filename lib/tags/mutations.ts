import type { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError } from "../errors";
import { slugifyAnyScript } from "../format/slug-any-script";
import type { createTagSchema } from "./schema";

/**
 * Finds a tag by its address or creates it (any signed-in role). Names in any script get one
 * ("Київ" → /tags/kiiv); names that differ only in letter case or punctuation ("COVID-19",
 * "Covid 19") are one tag.
 */
export async function createTag(viewer: Viewer, input: z.output<typeof createTagSchema>) {
  assertPermission(viewer, "tag.create");
  const slug = slugifyAnyScript(input.name);
  if (!slug) throw new AppError("invalid", "Use letters or digits in the tag.", { name: ["Use letters or digits in the tag."] });
  const existing = await db.tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (existing) return existing;
  return db.$transaction(async (tx) => {
    const tag = await tx.tag.create({ data: { name: input.name, slug }, select: { id: true, name: true, slug: true } });
    await recordAudit(tx, { actorId: viewer.id, action: "tag.create", entityType: "Tag", entityId: tag.id, data: { name: tag.name } });
    return tag;
  });
}
