import crypto from "node:crypto";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { rememberDevice } from "../auth/device";
import type { Role } from "../generated/prisma/enums";
import { createUserWithPassword } from "../users/mutations";
import { bodyFromParagraphs } from "../articles/body";
import type { CreateArticleInput } from "../articles/schema";
import { storyScope } from "../articles/policy";
import { snapshotSelect } from "../articles/snapshot";

export const uid = () => crypto.randomBytes(4).toString("hex");
export const TEST_PASSWORD = "a-long-test-password-42";

/** A real user row with a real argon2id hash, returned as the Viewer it would be. */
export async function makeUser(role: Role, overrides: { email?: string; password?: string } = {}): Promise<Viewer> {
  const user = await createUserWithPassword(null, {
    email: overrides.email ?? `${role.toLowerCase()}-${uid()}@test.dateline`,
    name: `Test ${role.toLowerCase()} ${uid()}`,
    role,
    password: overrides.password ?? TEST_PASSWORD,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The device cookie of a browser that has signed in to `user` with the password it has now (lib/auth/device.ts). */
export async function knownBrowserCookie(user: Pick<Viewer, "id">): Promise<string> {
  return rememberDevice(null, await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, passwordHash: true } }));
}

/** A section and a byline to hang stories on. */
export async function makeNewsroomBits(userId?: string) {
  const id = uid();
  const section = await db.section.create({ data: { name: `Section ${id}`, slug: `section-${id}` } });
  const author = await db.author.create({ data: { name: `Author ${id}`, slug: `author-${id}`, userId } });
  return { section, author };
}

/** Input for a story that is ready to publish (no photo). */
export function readyArticleInput(sectionId: string, authorId: string, extra: Partial<CreateArticleInput> = {}): CreateArticleInput {
  const id = uid();
  return {
    headline: `Test story ${id}`,
    slug: `test-story-${id}`,
    dek: "A dek.",
    dateline: "TESTVILLE",
    sectionId,
    authorIds: [authorId],
    body: bodyFromParagraphs(["“A quote,” said an official.", "A second paragraph."]),
    sources: [{ url: `https://example.org/${id}`, title: "A source" }],
    ...extra,
  };
}

/** A story as the database holds it now, if `viewer` may see it on the desk (tests read back what they saved). */
export async function getArticleForEdit(viewer: Viewer, id: string) {
  return db.article.findFirst({
    where: { AND: [{ id }, storyScope(viewer)] },
    select: { ...snapshotSelect, firstPublishedAt: true, publishedAt: true, contentUpdatedAt: true, updatedAt: true },
  });
}
