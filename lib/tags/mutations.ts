import type { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { slugForName } from "../format/free-slug";
import { slugifyAnyScript } from "../format/slug-any-script";
import { createTagSchema } from "./schema";

/**
 * Finds a tag by name or creates it (any signed-in role). Names in any script get an address
 * ("Київ" → /tags/kiiv); names that differ only in letter case or punctuation ("COVID-19",
 * "Covid 19") are one tag, and a different name whose letters meet an existing address
 * ("背景" where "北京" holds /tags/beijing) gets the next free one.
 */
export async function createTag(
  viewer: Viewer,
  input: z.input<typeof createTagSchema>,
): Promise<{ id: string; name: string; slug: string; created: boolean }> {
  assertPermission(viewer, "tag.create");
  const { name } = parseOrThrow(createTagSchema, input);
  const base = slugifyAnyScript(name);
  if (!base) throw new AppError("invalid", "Use letters or digits in the tag.", { name: ["Use letters or digits in the tag."] });
  const select = { id: true, name: true, slug: true } as const;
  // Looked up in the transaction that adds it: of two calls with one new name at once, the second finds the first's tag.
  return db.$transaction(async (tx) => {
    const { slug, same } = await slugForName(name, base, (s) => tx.tag.findUnique({ where: { slug: s }, select }));
    if (same) return { ...same, created: false };
    const tag = await tx.tag.create({ data: { name, slug }, select });
    await recordAudit(tx, { actorId: viewer.id, action: "tag.create", entityType: "Tag", entityId: tag.id, data: { name: tag.name } });
    return { ...tag, created: true };
  });
}
