import { describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS, type Permission } from "./permissions";

// Written out by hand from DESIGN.md, not derived from the table under test.
// W = writer, E = editor, A = admin.
const EXPECTED: Record<Permission, string> = {
  "desk.view": "WEA",
  "article.create": "WEA",
  "article.editOwn": "WEA",
  "article.submit": "WEA",
  "article.editAny": "EA",
  "article.publish": "EA",
  "article.schedule": "EA",
  "article.unpublish": "EA",
  "article.correct": "EA",
  "article.delete": "EA",
  "article.deleteOwn": "WEA",
  "article.viewAll": "EA",
  "media.upload": "WEA",
  "media.edit": "WEA",
  "media.editLive": "EA",
  "media.delete": "EA",
  "tag.create": "WEA",
  "author.create": "WEA",
  "author.manage": "EA",
  "audit.view": "EA",
  "section.manage": "A",
  "user.manage": "A",
  "settings.manage": "A",
  "import.run": "A",
  "apikey.manage": "A",
  "webhook.manage": "A",
  "front.arrange": "EA",
  "draftLink.manage": "EA",
  "wire.view": "WEA",
  "wire.take": "EA",
  "wire.manage": "A",
  "source.refresh": "EA",
  "source.review": "EA",
  "profile.edit": "WEA",
};

const ROLES = [
  ["WRITER", "W"],
  ["EDITOR", "E"],
  ["ADMIN", "A"],
] as const;

describe("the permission table", () => {
  it("covers exactly the permissions the expectations name", () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = PERMISSIONS.flatMap((permission) =>
    ROLES.map(([role, letter]) => ({ role, permission, allowed: EXPECTED[permission].includes(letter) })),
  );
  it.each(cases)("$role may $permission: $allowed", ({ role, permission, allowed }) => {
    expect(hasPermission(role, permission)).toBe(allowed);
  });
});
