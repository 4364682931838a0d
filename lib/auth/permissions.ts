import type { Role } from "../generated/prisma/enums";

const ALL: readonly Role[] = ["WRITER", "EDITOR", "ADMIN"];
const EDITORS: readonly Role[] = ["EDITOR", "ADMIN"];
const ADMINS: readonly Role[] = ["ADMIN"];

/** The one table of what each role may do. Per-article rules live in lib/articles/policy.ts. */
export const ROLE_PERMISSIONS = {
  "desk.view": ALL,
  "article.create": ALL,
  "article.editOwn": ALL,
  "article.submit": ALL,
  "article.editAny": EDITORS,
  "article.publish": EDITORS,
  "article.schedule": EDITORS,
  "article.unpublish": EDITORS,
  "article.correct": EDITORS,
  "article.delete": EDITORS,
  // A writer's own never-published draft (lib/articles/policy.ts).
  "article.deleteOwn": ALL,
  "article.viewAll": EDITORS,
  "media.upload": ALL,
  "media.edit": ALL,
  // Any photo: one a live story or someone else's story shows too (lib/media/policy.ts).
  "media.editLive": EDITORS,
  "media.delete": EDITORS,
  "tag.create": ALL,
  "author.create": ALL,
  "author.manage": EDITORS,
  "audit.view": EDITORS,
  "section.manage": ADMINS,
  "user.manage": ADMINS,
  "settings.manage": ADMINS,
  // Bringing another site's archive over (lib/import/).
  "import.run": ADMINS,
  // Issue 17: API keys and webhooks (admins).
  "apikey.manage": ADMINS,
  "webhook.manage": ADMINS,
  // Issue 20: arranging the curated front page; links to a draft's preview for people without an account.
  "front.arrange": EDITORS,
  "draftLink.manage": EDITORS,
  // Issue 18: the wire desk. Everyone on the desk may read agency copy; editors decide what runs
  // (taking an item makes a draft with the agency's photos); admins configure the polled feeds.
  "wire.view": ALL,
  "wire.take": EDITORS,
  "wire.manage": ADMINS,
  // Issue 19: refreshing a source's archived copy, checking a story's sources now, and the
  // "Sources to look at" screen (marking a link check's verdict seen).
  "source.refresh": EDITORS,
  "source.review": EDITORS,
  // One's own password and profile.
  "profile.edit": ALL,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ROLE_PERMISSIONS;
export const PERMISSIONS = Object.keys(ROLE_PERMISSIONS) as Permission[];

export function hasPermission(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = { WRITER: "Writer", EDITOR: "Editor", ADMIN: "Admin" };
