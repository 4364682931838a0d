import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { resolveSessionUser } from "../auth/session-user";
import { authenticate } from "../auth/login";
import { makeUser, TEST_PASSWORD } from "../test/factories";
import { createUserByAdmin } from "./admin";
import { changePassword } from "./profile";

// The wrappers read the request's headers and session; here they see a same-origin request by `current.viewer`.
const current = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ origin: "http://localhost:3000", host: "localhost:3000" }) }));
vi.mock("../auth/session", () => ({ getCurrentUser: async () => current.viewer }));

const { authedAction } = await import("../auth/action");
const { withAuth } = await import("../auth/route");

const nowSeconds = () => Math.floor(Date.now() / 1000);
let admin: Viewer;
beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

async function newUserSignedIn() {
  const created = await createUserByAdmin(admin, {
    email: `temp-${Math.random().toString(36).slice(2, 8)}@test.dateline`,
    name: "Tem Porary",
    role: "EDITOR",
  });
  const signedIn = await authenticate(created.email, created.temporaryPassword, { ip: "10.7.0.1" });
  const viewer = await resolveSessionUser({ id: signedIn.id, sv: signedIn.sessionVersion, signedInAt: nowSeconds() });
  return { created, viewer: viewer! };
}

describe("a temporary password set by an admin", () => {
  it("marks the new user as having to change it", async () => {
    const { created, viewer } = await newUserSignedIn();
    expect((await db.user.findUnique({ where: { id: created.id }, select: { mustChangePassword: true } }))?.mustChangePassword).toBe(true);
    expect(viewer.mustChangePassword).toBe(true);
  });

  it("refuses every Server Action and route handler until it is changed, except the change itself", async () => {
    const { created, viewer } = await newUserSignedIn();
    current.viewer = viewer;
    const anyAction = authedAction(z.object({}), async () => "done", { permission: "desk.view" });
    expect(await anyAction({})).toMatchObject({ ok: false, code: "forbidden", error: expect.stringMatching(/temporary password/) });
    const handler = withAuth(async () => Response.json({ done: true }), { permission: "desk.view" });
    expect(
      (await handler(new Request("http://localhost:3000/api/x", { method: "POST", headers: { origin: "http://localhost:3000" } }), {}))
        .status,
    ).toBe(403);
    expect((await handler(new Request("http://localhost:3000/api/x"), {})).status).toBe(403);

    const change = authedAction(z.object({}), async () => "changed", { permission: "profile.edit", allowTemporaryPassword: true });
    expect(await change({})).toMatchObject({ ok: true, data: "changed" });

    const fresh = "harbour-lights-quietly-2026";
    await changePassword(viewer, { currentPassword: created.temporaryPassword, newPassword: fresh, confirmPassword: fresh }, "10.7.0.2");
    const row = await db.user.findUnique({ where: { id: created.id }, select: { mustChangePassword: true, sessionVersion: true } });
    expect(row?.mustChangePassword).toBe(false);
    const after = await resolveSessionUser({ id: created.id, sv: row!.sessionVersion, signedInAt: nowSeconds() });
    expect(after?.mustChangePassword).toBe(false);
    current.viewer = after;
    expect(await anyAction({})).toMatchObject({ ok: true, data: "done" });
  });
});

describe("guessing the current password on the change form", () => {
  it("is throttled like signing in: five wrong guesses lock the form, not the sign-in of the account's own browsers", async () => {
    const user = await makeUser("WRITER");
    const next = "a-brand-new-password-2026";
    for (let i = 0; i < 5; i++) {
      await expect(
        changePassword(user, { currentPassword: `guess-${i}-wrong`, newPassword: next, confirmPassword: next }, "10.7.1.1"),
      ).rejects.toMatchObject({ code: "invalid" });
    }
    await expect(
      changePassword(user, { currentPassword: TEST_PASSWORD, newPassword: next, confirmPassword: next }, "10.7.1.2"),
    ).rejects.toMatchObject({ code: "locked" });
    // Counted apart from strangers' sign-ins (lib/auth/throttle.ts SIGNED_IN): neither locks the other.
    expect((await authenticate(user.email, TEST_PASSWORD, { ip: "10.7.1.3" })).id).toBe(user.id);
  });

  it("checks at most five of 40 simultaneous guesses", async () => {
    const user = await makeUser("WRITER");
    const next = "a-brand-new-password-2026";
    const codes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        changePassword(user, { currentPassword: `guess-${i}-wrong`, newPassword: next, confirmPassword: next }, "10.7.2.1").then(
          () => "ok",
          (e: { code?: string }) => e.code,
        ),
      ),
    );
    expect(codes.filter((c) => c === "invalid")).toHaveLength(5);
    expect(codes.filter((c) => c === "locked")).toHaveLength(35);
  });
});
