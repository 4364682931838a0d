import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { ACCOUNTS, E2E_ENV, E2E_URL, storageStatePath, type RoleName } from "../env";
import { makeApiKey } from "../api-keys";
import { clientAddress, expect, test } from "../fixtures";
import { databaseFingerprint, readDatabase } from "../database";
import { actionOutcome, callServerAction, serverActionsInBuild, type ServerAction } from "../server-actions";
import { makePhoto } from "../../lib/test/images";

// Issue 7: every Server Action and every state-changing route handler, called with no session
// and with each role that may not use it, is refused AND leaves every row of the database as it
// was. The lists are read from the build and from app/, so a new action or handler without a
// row here fails this test.

type Caller = "anonymous" | RoleName;
const EVERYONE: RoleName[] = ["writer", "editor", "admin"];
const EDITORS: RoleName[] = ["editor", "admin"];
const ADMINS: RoleName[] = ["admin"];

/** Rows the probes point at: a published story nobody of the e2e roles wrote, its revision, a photo a live story shows, the writer. */
function targets() {
  return readDatabase((db) => {
    const story = db
      .prepare("SELECT id, version, headline, slug FROM Article WHERE status = 'PUBLISHED' ORDER BY publishedAt LIMIT 1")
      .get() as {
      id: string;
      version: number;
      headline: string;
      slug: string;
    };
    const revision = db.prepare("SELECT id FROM Revision WHERE articleId = ? LIMIT 1").pluck().get(story.id) as string;
    const image = db
      .prepare(
        "SELECT i.id FROM Image i JOIN ArticleImage ai ON ai.imageId = i.id JOIN Article a ON a.id = ai.articleId WHERE a.status = 'PUBLISHED' LIMIT 1",
      )
      .pluck()
      .get() as string;
    const writer = db.prepare("SELECT id FROM User WHERE email = ?").pluck().get(ACCOUNTS.writer.email) as string;
    const { id: author, updatedAt: authorUpdatedAt } = db.prepare("SELECT id, updatedAt FROM Author LIMIT 1").get() as {
      id: string;
      updatedAt: string;
    };
    const { id: section, slug: sectionSlug } = db.prepare("SELECT id, slug FROM Section ORDER BY position LIMIT 1").get() as {
      id: string;
      slug: string;
    };
    const settingsSaved = db
      .prepare("SELECT max(updatedAt) FROM Setting WHERE key IN ('siteName', 'description', 'timeZone', 'language')")
      .pluck()
      .get() as string | null;
    const settingsVersion = settingsSaved ? new Date(settingsSaved).toISOString() : "";
    return {
      story,
      revision,
      image,
      writer,
      author,
      authorUpdatedAt: new Date(authorUpdatedAt).toISOString(),
      section,
      sectionSlug,
      settingsVersion,
    };
  });
}
type Targets = ReturnType<typeof targets>;

/** Who may call each action, and an input that passes validation, so that only authorization can refuse it. */
// "public": open to anyone by nature (forgot password, a reset link); covered by their own test below.
const ACTIONS: Record<string, { allowed: RoleName[] | "public"; input: (t: Targets) => unknown }> = {
  checkSlugAction: { allowed: EVERYONE, input: () => ({ slug: "matrix-probe", articleId: null }) },
  createArticleAction: { allowed: EVERYONE, input: () => ({ headline: "Matrix probe story", slug: "matrix-probe-story" }) },
  updateArticleAction: {
    allowed: EDITORS,
    input: (t) => ({ id: t.story.id, version: t.story.version, headline: `${t.story.headline} (probe)`, slug: t.story.slug }),
  },
  transitionArticleAction: {
    allowed: EDITORS,
    input: (t) => ({ id: t.story.id, version: t.story.version, to: "UNPUBLISHED", reason: "matrix probe" }),
  },
  addCorrectionAction: {
    allowed: EDITORS,
    input: (t) => ({
      articleId: t.story.id,
      version: t.story.version,
      kind: "CORRECTION",
      text: "A correction the matrix must never save.",
    }),
  },
  deleteArticleAction: { allowed: EDITORS, input: (t) => ({ id: t.story.id, version: t.story.version }) },
  restoreRevisionAction: { allowed: EDITORS, input: (t) => ({ articleId: t.story.id, revisionId: t.revision, version: t.story.version }) },
  createTagAction: { allowed: EVERYONE, input: () => ({ name: "Matrix probe tag" }) },
  createAuthorAction: { allowed: EVERYONE, input: () => ({ name: "Matrix Probe Byline" }) },
  loadEditorDataAction: { allowed: EVERYONE, input: (t) => ({ id: t.story.id }) },
  // t.image is in a live story: editors only (lib/media/policy.ts). Photos nothing live uses: see "photos" below.
  updateImageAction: { allowed: EDITORS, input: (t) => ({ id: t.image, altText: "Matrix probe alt text", credit: "Probe/Matrix" }) },
  deleteImageAction: { allowed: EDITORS, input: (t) => ({ id: t.image }) },
  cropImageAction: { allowed: EDITORS, input: (t) => ({ id: t.image, cropX: 0.1, cropY: 0.1, cropW: 0.5, cropH: 0.5 }) },
  changePasswordAction: {
    allowed: EVERYONE,
    input: () => ({
      currentPassword: "not-the-password",
      newPassword: "matrix probe password 1",
      confirmPassword: "matrix probe password 1",
    }),
  },
  createUserAction: { allowed: ADMINS, input: () => ({ email: "matrix-probe@e2e.dateline", name: "Matrix Probe", role: "ADMIN" }) },
  changeRoleAction: { allowed: ADMINS, input: (t) => ({ userId: t.writer, role: "ADMIN" }) },
  setDisabledAction: { allowed: ADMINS, input: (t) => ({ userId: t.writer, disabled: true }) },
  linkAuthorAction: { allowed: ADMINS, input: (t) => ({ userId: t.writer, authorId: t.author }) },
  liftLockAction: { allowed: ADMINS, input: (t) => ({ userId: t.writer }) },
  createSectionAction: { allowed: ADMINS, input: () => ({ name: "Matrix Probe", slug: "matrix-probe-section" }) },
  updateSectionAction: { allowed: ADMINS, input: (t) => ({ id: t.section, name: "Matrix Probe", slug: t.sectionSlug }) },
  moveSectionAction: { allowed: ADMINS, input: (t) => ({ id: t.section, direction: "down" }) },
  deleteSectionAction: { allowed: ADMINS, input: (t) => ({ id: t.section }) },
  updateSettingsAction: {
    allowed: ADMINS,
    input: (t) => ({ siteName: "Matrix Probe Herald", description: "", timeZone: "UTC", language: "en", version: t.settingsVersion }),
  },
  // Issue 17: API keys, webhooks and the outbound allow-list (admins).
  createApiKeyAction: { allowed: ADMINS, input: (t) => ({ name: "Matrix probe key", userId: t.writer, scope: "READ_WRITE" }) },
  revokeApiKeyAction: { allowed: ADMINS, input: () => ({ id: "matrix-probe-key" }) },
  createWebhookAction: {
    allowed: ADMINS,
    input: () => ({ name: "Matrix probe hook", url: "https://example.org/matrix-probe", events: ["story.published"] }),
  },
  deleteWebhookAction: { allowed: ADMINS, input: () => ({ id: "matrix-probe-hook" }) },
  resendDeliveryAction: { allowed: ADMINS, input: () => ({ deliveryId: "matrix-probe-delivery" }) },
  allowHostAction: { allowed: ADMINS, input: () => ({ host: "matrix-probe.internal", note: "" }) },
  removeHostAction: { allowed: ADMINS, input: () => ({ id: "matrix-probe-host" }) },
  updateAuthorAction: {
    allowed: EDITORS,
    input: (t) => ({ id: t.author, name: "Matrix Probe", bio: "Never saved.", updatedAt: t.authorUpdatedAt }),
  },
  // Issue 20: the front page, notifications, draft links.
  saveFrontLayoutAction: {
    allowed: EDITORS,
    input: (t) => ({
      basedOn: "",
      arrangement: {
        lead: { id: t.story.id, headline: "" },
        pinned: [],
        sections: [],
        banner: { text: "Probe", url: "", expiresLocal: "2099-01-01T00:00" },
      },
    }),
  },
  cancelFrontLayoutAction: { allowed: EDITORS, input: () => ({ id: "matrix-probe-layout" }) },
  markNotificationsReadAction: { allowed: EVERYONE, input: () => ({ all: true }) },
  createDraftLinkAction: {
    allowed: EDITORS,
    input: (t) => ({ articleId: t.story.id, label: "Matrix probe", expiresLocal: "2099-01-01T00:00" }),
  },
  revokeDraftLinkAction: { allowed: EDITORS, input: () => ({ id: "matrix-probe-link" }) },
  // Account recovery and two-factor sign-in (issue 20).
  requestPasswordResetAction: { allowed: "public", input: () => ({ email: "matrix-nobody@e2e.dateline" }) },
  resetPasswordAction: {
    allowed: "public",
    input: () => ({ token: "m".repeat(43), newPassword: "matrix probe password 1", confirmPassword: "matrix probe password 1" }),
  },
  sendResetLinkAction: { allowed: ADMINS, input: (t) => ({ userId: t.writer }) },
  makeResetLinkAction: { allowed: ADMINS, input: (t) => ({ userId: t.writer }) },
  beginTwoFactorAction: { allowed: EVERYONE, input: () => ({}) },
  confirmTwoFactorAction: { allowed: EVERYONE, input: () => ({ code: "123456" }) },
  disableTwoFactorAction: { allowed: EVERYONE, input: () => ({ password: "not-the-password" }) },
  regenerateRecoveryCodesAction: { allowed: EVERYONE, input: () => ({ password: "not-the-password" }) },
  resetTwoFactorAction: { allowed: ADMINS, input: (t) => ({ userId: t.writer }) },
  setTwoFactorRequiredAction: { allowed: ADMINS, input: () => ({ required: true }) },
  // Issue 18: the wire desk. Taking an item is for editors; the polled feeds for admins.
  takeWireItemAction: { allowed: EDITORS, input: () => ({ id: "matrix-probe-wire", sectionId: null, again: false }) },
  addWireFeedAction: {
    allowed: ADMINS,
    input: () => ({ name: "Matrix probe feed", url: "https://example.org/matrix-probe.xml", agency: "Probe", intervalMin: 15 }),
  },
  removeWireFeedAction: { allowed: ADMINS, input: () => ({ id: "matrix-probe-feed" }) },
  // Issue 19: archived copies of sources and link checks.
  refreshSourceCopyAction: { allowed: EDITORS, input: (t) => ({ articleId: t.story.id, url: "https://example.org/matrix-probe" }) },
  checkStorySourcesAction: { allowed: EDITORS, input: (t) => ({ articleId: t.story.id }) },
  markSourceSeenAction: { allowed: EDITORS, input: () => ({ checkId: "matrix-probe-check" }) },
  updateArchiveOptOutAction: { allowed: ADMINS, input: () => ({ hosts: "matrix-probe.example", version: "" }) },
  // The WordPress import (import.run): cancelling a run.
  cancelImportAction: { allowed: ADMINS, input: () => ({ id: "matrix-probe-import" }) },
};

/** State-changing route handlers (by file) and who may call them; the cron endpoint takes a secret instead. */
const HANDLERS: Record<string, { path: (t: Targets) => string; allowed: RoleName[] | "secret" | "sign-in" | "api-key"; method?: "put" }> = {
  "app/api/media/route.ts": { path: () => "/api/media", allowed: EVERYONE },
  "app/api/media/[id]/file/route.ts": { path: (t) => `/api/media/${t.image}/file`, allowed: EDITORS },
  "app/api/admin/import/route.ts": { path: () => "/api/admin/import", allowed: ADMINS },
  "app/api/admin/import/[id]/uploads/route.ts": { path: () => "/api/admin/import/matrix-probe/uploads", allowed: ADMINS },
  "app/api/admin/import/[id]/start/route.ts": { path: () => "/api/admin/import/matrix-probe/start", allowed: ADMINS },
  "app/api/cron/publish-scheduled/route.ts": { path: () => "/api/cron/publish-scheduled", allowed: "secret" },
  // Issue 20: the editor's presence heartbeat (anyone who can see the story; a writer on another's story is refused below).
  "app/api/admin/articles/[id]/presence/route.ts": { path: (t) => `/api/admin/articles/${t.story.id}/presence`, allowed: EVERYONE },
  // next-auth's own sign-in and sign-out: open to anyone by nature; covered by the sign-in tests.
  "app/api/auth/[...nextauth]/route.ts": { path: () => "/api/auth/signout", allowed: "sign-in" },
  // The desk API takes an API key, never a cookie; its refusals per key scope and role: "desk API" below.
  "app/api/v1/desk/stories/route.ts": { path: () => "/api/v1/desk/stories", allowed: "api-key" },
  "app/api/v1/desk/stories/[id]/route.ts": { path: (t) => `/api/v1/desk/stories/${t.story.id}`, allowed: "api-key", method: "put" },
  "app/api/v1/desk/stories/[id]/transitions/route.ts": {
    path: (t) => `/api/v1/desk/stories/${t.story.id}/transitions`,
    allowed: "api-key",
  },
  "app/api/v1/desk/stories/[id]/sources/route.ts": { path: (t) => `/api/v1/desk/stories/${t.story.id}/sources`, allowed: "api-key" },
  "app/api/v1/desk/stories/[id]/corrections/route.ts": {
    path: (t) => `/api/v1/desk/stories/${t.story.id}/corrections`,
    allowed: "api-key",
  },
  "app/api/v1/desk/photos/route.ts": { path: () => "/api/v1/desk/photos", allowed: "api-key" },
  "app/api/v1/desk/bylines/route.ts": { path: () => "/api/v1/desk/bylines", allowed: "api-key" },
  "app/api/v1/desk/tags/route.ts": { path: () => "/api/v1/desk/tags", allowed: "api-key" },
  // The wire push takes a WIRE key only; its refusals per scope: "desk API" below.
  "app/api/v1/wire/items/route.ts": { path: () => "/api/v1/wire/items", allowed: "api-key" },
};

/** Route files that export a write's methods only to answer them with a refusal that is the same for everyone. */
const WRITES_NOTHING: Record<string, { path: string; status: number }> = {
  // The content API's catch-all: an address no route has is a 404 problem document, whatever the method.
  "app/api/v1/[...path]/route.ts": { path: "/api/v1/matrix-probe/nothing", status: 404 },
};

function stateChangingRouteFiles(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return stateChangingRouteFiles(full);
    if (entry.name !== "route.ts") return [];
    const source = fs.readFileSync(full, "utf8");
    return /export\s+(?:const|async function|function|\{[^}]*)\s*(?:POST|PUT|PATCH|DELETE)\b/.test(source) ? [full] : [];
  });
}

/** The page a Server Action is posted to: its route with real ids in it. */
const pagePath = (action: ServerAction, t: Targets) =>
  action.route
    .replace("/(auth)", "")
    .replace("/login/reset/[token]", `/login/reset/${"m".repeat(43)}`)
    .replace("/admin/articles/[id]", `/admin/articles/${t.story.id}`)
    .replace("/admin/media/[id]", `/admin/media/${t.image}`)
    .replace("/admin/bylines/[id]", `/admin/bylines/${t.author}`)
    .replace("/admin/sections/[id]", `/admin/sections/${t.section}`)
    .replace("/admin/webhooks/[id]", "/admin/webhooks/matrix-probe-hook")
    .replace("/admin/wire/[id]", "/admin/wire/matrix-probe-wire");

async function apiAs(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, caller: Caller) {
  return playwright.request.newContext({
    baseURL: E2E_URL,
    storageState: caller === "anonymous" ? undefined : storageStatePath(caller),
    extraHTTPHeaders: { "X-Forwarded-For": clientAddress() },
  });
}

test.describe("authorization matrix", () => {
  test("the lists cover every Server Action in the build and every state-changing route handler", () => {
    const inBuild = serverActionsInBuild()
      .map((a) => a.name)
      .sort();
    expect(inBuild).toEqual(Object.keys(ACTIONS).sort());
    expect(stateChangingRouteFiles().sort()).toEqual([...Object.keys(HANDLERS), ...Object.keys(WRITES_NOTHING)].sort());
  });

  test("every Server Action refuses a caller without a session and each role it is not for, and nothing changes", async ({
    playwright,
  }) => {
    const t = targets();
    const before = databaseFingerprint();
    let refusals = 0;
    for (const caller of ["anonymous", ...EVERYONE] as Caller[]) {
      const api = await apiAs(playwright, caller);
      for (const action of serverActionsInBuild()) {
        const rule = ACTIONS[action.name]!;
        if (rule.allowed === "public") continue;
        if (caller !== "anonymous" && rule.allowed.includes(caller)) continue;
        const { status, body } = await callServerAction(api, pagePath(action, t), action, rule.input(t));
        const outcome = actionOutcome(body);
        expect(status, `${action.name} as ${caller}`).toBe(200);
        expect(["unauthorized", "forbidden", "not_found"], `${action.name} as ${caller}: ${body.slice(0, 300)}`).toContain(outcome);
        if (caller === "anonymous") expect(outcome, action.name).toBe("unauthorized");
        expect(databaseFingerprint(), `${action.name} as ${caller} changed the database`).toBe(before);
        refusals++;
      }
      await api.dispose();
    }
    // 22 actions without a session, plus each role's forbidden ones.
    expect(refusals).toBeGreaterThanOrEqual(22 + 13 + 8);

    // The same calls are not refused by accident: a writer's allowed, read-only action succeeds.
    const writer = await apiAs(playwright, "writer");
    const checkSlug = serverActionsInBuild().find((a) => a.name === "checkSlugAction")!;
    expect(actionOutcome((await callServerAction(writer, pagePath(checkSlug, t), checkSlug, ACTIONS.checkSlugAction!.input(t))).body)).toBe(
      "ok",
    );
  });

  test("the public actions (forgot password, reset link) refuse an unknown link and store nothing for an unknown address", async ({
    playwright,
  }) => {
    const t = targets();
    const before = databaseFingerprint();
    for (const caller of ["anonymous", ...EVERYONE] as Caller[]) {
      const api = await apiAs(playwright, caller);
      for (const action of serverActionsInBuild().filter((a) => ACTIONS[a.name]!.allowed === "public")) {
        const { status, body } = await callServerAction(api, pagePath(action, t), action, ACTIONS[action.name]!.input(t));
        expect(status, `${action.name} as ${caller}`).toBe(200);
        // The unknown address gets the usual answer; the unknown link is refused.
        expect(actionOutcome(body), `${action.name} as ${caller}: ${body.slice(0, 300)}`).toBe(
          action.name === "resetPasswordAction" ? "invalid" : "ok",
        );
        expect(databaseFingerprint(), `${action.name} as ${caller} changed the database`).toBe(before);
      }
      await api.dispose();
    }
  });

  test("every Server Action refuses a cross-site or Origin-less request with 403, even from an admin, and nothing changes", async ({
    playwright,
  }) => {
    const t = targets();
    const before = databaseFingerprint();
    const admin = await apiAs(playwright, "admin");
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
      { Referer: "https://evil.example/page" },
      {},
    ];
    for (const action of serverActionsInBuild()) {
      for (const headers of foreign) {
        const { status } = await callServerAction(admin, pagePath(action, t), action, ACTIONS[action.name]!.input(t), headers);
        expect(status, `${action.name} with ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    expect(databaseFingerprint()).toBe(before);
    // From our own site the same admin is served (a read-only action, so the database stays put).
    const checkSlug = serverActionsInBuild().find((a) => a.name === "checkSlugAction")!;
    const own = await callServerAction(admin, pagePath(checkSlug, t), checkSlug, ACTIONS.checkSlugAction!.input(t), {
      "Sec-Fetch-Site": "same-origin",
    });
    expect(actionOutcome(own.body)).toBe("ok");
  });

  test("every state-changing route handler refuses callers it is not for, and cross-site requests, and nothing changes", async ({
    playwright,
  }) => {
    const t = targets();
    const photo = await makePhoto("jpeg", 320, 240, 91);
    const multipart = { file: { name: "matrix-probe.jpg", mimeType: "image/jpeg", buffer: photo } };
    const before = databaseFingerprint();

    for (const [file, rule] of Object.entries(HANDLERS)) {
      const url = rule.path(t);
      for (const caller of ["anonymous", ...EVERYONE] as Caller[]) {
        const api = await apiAs(playwright, caller);
        // From another site: refused before anything runs, whoever is signed in. (The cron endpoint
        // takes no cookie, only its secret, so it answers 401 to everyone without it.)
        const foreign: Record<string, string>[] = [{ Origin: "https://evil.example" }, {}];
        const send = (options: Parameters<APIRequestContext["post"]>[1]) =>
          rule.method === "put" ? api.put(url, options) : api.post(url, options);
        for (const headers of foreign) {
          const response = await send({ headers, multipart, maxRedirects: 0 });
          // The cron secret and the desk API's key are not cookies: such requests are exempt from the
          // same-origin rule, and a session cookie counts for nothing there, so they answer 401.
          const expected = rule.allowed === "secret" || rule.allowed === "api-key" ? 401 : 403;
          expect(response.status(), `${file} as ${caller} with ${JSON.stringify(headers)}`).toBe(expected);
        }
        if (rule.allowed === "api-key") {
          const response = await send({
            headers: { Origin: E2E_URL },
            data: { headline: "Matrix probe", slug: "matrix-probe", version: 1 },
          });
          expect(response.status(), `${file} with ${caller}'s session but no key`).toBe(401);
          expect(response.headers()["content-type"]).toBe("application/problem+json");
        } else if (rule.allowed === "secret") {
          const response = await api.post(url, { headers: { Origin: E2E_URL } });
          expect(response.status(), `${file} without the secret as ${caller}`).toBe(401);
          const wrong = await api.post(url, { headers: { Authorization: "Bearer not-the-cron-secret-at-all" } });
          expect(wrong.status(), `${file} with a wrong secret as ${caller}`).toBe(401);
        } else if (Array.isArray(rule.allowed) && (caller === "anonymous" || !rule.allowed.includes(caller))) {
          const response = await api.post(url, { headers: { Origin: E2E_URL }, multipart });
          expect([401, 403], `${file} as ${caller}`).toContain(response.status());
        }
        await api.dispose();
      }
    }
    // The presence heartbeat and its DELETE: a writer on a story that is not theirs is refused (404), and nobody
    // without a session or from another site gets through.
    for (const caller of ["anonymous", "writer"] as Caller[]) {
      const api = await apiAs(playwright, caller);
      const url = `/api/admin/articles/${t.story.id}/presence`;
      for (const method of ["post", "delete"] as const) {
        const own = await api[method](url, { headers: { Origin: E2E_URL } });
        expect(own.status(), `${method} presence as ${caller}`).toBe(caller === "anonymous" ? 401 : 404);
        expect((await api[method](url, { headers: { Origin: "https://evil.example" } })).status()).toBe(403);
      }
      await api.dispose();
    }
    // Handlers that take a write's methods only to refuse them: the same answer for everyone, from anywhere.
    for (const [file, rule] of Object.entries(WRITES_NOTHING)) {
      for (const caller of ["anonymous", ...EVERYONE] as Caller[]) {
        const api = await apiAs(playwright, caller);
        for (const method of ["post", "put", "patch", "delete"] as const) {
          for (const headers of [{ Origin: E2E_URL }, { Origin: "https://evil.example" }, {}] as Record<string, string>[]) {
            const response = await api[method](rule.path, { headers, data: { headline: "Matrix probe" } });
            expect(response.status(), `${method} ${file} as ${caller} with ${JSON.stringify(headers)}`).toBe(rule.status);
          }
        }
        await api.dispose();
      }
    }
    expect(databaseFingerprint()).toBe(before);
    expect(fs.readdirSync(path.join(E2E_ENV.DATELINE_MEDIA_DIR)).length).toBeGreaterThan(0);
  });

  test("photos: a writer's edit, replacement or delete of a photo a live story shows is refused and changes nothing; a photo nothing live uses, the writer may edit", async ({
    playwright,
  }) => {
    const t = targets();
    const writer = await apiAs(playwright, "writer");
    const action = (name: string) => serverActionsInBuild().find((a) => a.name === name)!;
    const before = databaseFingerprint();
    const edit = await callServerAction(writer, `/admin/media/${t.image}`, action("updateImageAction"), {
      id: t.image,
      altText: "Writer probe",
      credit: "Writer/Probe",
      license: "Free",
    });
    expect(actionOutcome(edit.body), edit.body.slice(0, 300)).toBe("forbidden");
    const replace = await writer.post(`/api/media/${t.image}/file`, {
      headers: { Origin: E2E_URL },
      multipart: { file: { name: "writer-probe.jpg", mimeType: "image/jpeg", buffer: await makePhoto("jpeg", 320, 240, 93) } },
    });
    expect(replace.status()).toBe(403);
    const remove = await callServerAction(writer, `/admin/media/${t.image}`, action("deleteImageAction"), { id: t.image });
    expect(actionOutcome(remove.body)).toBe("forbidden");
    expect(databaseFingerprint()).toBe(before);

    // A photo of the writer's own, used by nothing live: the same calls go through.
    const upload = await writer.post("/api/media", {
      headers: { Origin: E2E_URL },
      multipart: { file: { name: "writer-own.jpg", mimeType: "image/jpeg", buffer: await makePhoto("jpeg", 320, 240, 94) } },
    });
    expect(upload.status()).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    const own = await callServerAction(writer, `/admin/media/${id}`, action("updateImageAction"), {
      id,
      altText: "A probe photo",
      credit: "Writer/Probe",
    });
    expect(actionOutcome(own.body), own.body.slice(0, 300)).toBe("ok");
    expect(readDatabase((db) => db.prepare("SELECT credit FROM Image WHERE id = ?").pluck().get(id))).toBe("Writer/Probe");
    const ownReplace = await writer.post(`/api/media/${id}/file`, {
      headers: { Origin: E2E_URL },
      multipart: { file: { name: "writer-own-2.jpg", mimeType: "image/jpeg", buffer: await makePhoto("jpeg", 360, 240, 95) } },
    });
    expect(ownReplace.status()).toBe(200);
    await writer.dispose();
  });

  test("desk API: every route refuses each key scope and role it is not for, revoked keys, no key and session cookies, and nothing changes", async ({
    playwright,
  }) => {
    const t = targets();
    // Keys are made (through the admin's own action) before the database is fingerprinted.
    const keys = {
      "writer READ": await makeApiKey(playwright, "writer", "READ"),
      "writer READ_WRITE": await makeApiKey(playwright, "writer", "READ_WRITE"),
      "writer WIRE": await makeApiKey(playwright, "writer", "WIRE"),
      "editor READ": await makeApiKey(playwright, "editor", "READ"),
      "admin READ": await makeApiKey(playwright, "admin", "READ"),
    };
    const revoked = await makeApiKey(playwright, "admin", "READ_WRITE", "matrix revoked key");
    const admin = await apiAs(playwright, "admin");
    const revokedId = readDatabase((db) =>
      db.prepare("SELECT id FROM ApiKey WHERE name = 'matrix revoked key' ORDER BY createdAt DESC").pluck().get(),
    );
    const revoke = serverActionsInBuild().find((a) => a.name === "revokeApiKeyAction")!;
    expect(actionOutcome((await callServerAction(admin, "/admin/api-keys", revoke, { id: revokedId })).body)).toBe("ok");
    await admin.dispose();

    const story = `/api/v1/desk/stories/${t.story.id}`;
    const photo = { file: { name: "matrix-probe.jpg", mimeType: "image/jpeg", buffer: await makePhoto("jpeg", 320, 240, 97) } };
    // Each call with input that passes validation, and who is refused: READ keys may not write; a
    // writer's keys do not see a story the writer did not write (404) and may not correct (403).
    const calls: {
      name: string;
      method: "get" | "post" | "put";
      url: string;
      data?: unknown;
      multipart?: typeof photo;
      refused: Record<string, number>;
    }[] = [
      { name: "read a story", method: "get", url: story, refused: { "writer READ": 404, "writer READ_WRITE": 404, "writer WIRE": 404 } },
      {
        name: "create",
        method: "post",
        url: "/api/v1/desk/stories",
        data: { headline: "Matrix probe", slug: "matrix-probe-api" },
        refused: { "writer READ": 403, "editor READ": 403, "admin READ": 403 },
      },
      {
        name: "save",
        method: "put",
        url: story,
        data: { headline: `${t.story.headline} (probe)`, slug: t.story.slug, version: t.story.version },
        refused: { "writer READ": 403, "writer READ_WRITE": 404, "writer WIRE": 404, "editor READ": 403, "admin READ": 403 },
      },
      {
        name: "unpublish",
        method: "post",
        url: `${story}/transitions`,
        data: { to: "UNPUBLISHED", version: t.story.version, reason: "matrix probe" },
        refused: { "writer READ": 403, "writer READ_WRITE": 404, "writer WIRE": 404, "editor READ": 403, "admin READ": 403 },
      },
      {
        name: "add sources",
        method: "post",
        url: `${story}/sources`,
        data: { version: t.story.version, sources: [{ url: "https://example.org/matrix-probe", title: "Probe" }] },
        refused: { "writer READ": 403, "writer READ_WRITE": 404, "writer WIRE": 404, "editor READ": 403, "admin READ": 403 },
      },
      {
        name: "correct",
        method: "post",
        url: `${story}/corrections`,
        data: { version: t.story.version, kind: "CORRECTION", text: "A correction the matrix must never save." },
        refused: { "writer READ": 403, "writer READ_WRITE": 403, "writer WIRE": 403, "editor READ": 403, "admin READ": 403 },
      },
      {
        name: "upload a photo",
        method: "post",
        url: "/api/v1/desk/photos",
        multipart: photo,
        refused: { "writer READ": 403, "editor READ": 403, "admin READ": 403 },
      },
      {
        name: "add a byline",
        method: "post",
        url: "/api/v1/desk/bylines",
        data: { name: "Matrix probe byline" },
        refused: { "writer READ": 403, "editor READ": 403, "admin READ": 403 },
      },
      {
        name: "add a tag",
        method: "post",
        url: "/api/v1/desk/tags",
        data: { name: "Matrix probe tag" },
        refused: { "writer READ": 403, "editor READ": 403, "admin READ": 403 },
      },
      {
        // Only a WIRE key may push wire copy: read keys and read and write keys are refused alike.
        name: "push wire items",
        method: "post",
        url: "/api/v1/wire/items",
        data: { uri: "urn:matrix:probe-wire-item", version: "1", headlines: [{ role: "main", value: "Matrix probe" }] },
        refused: { "writer READ": 403, "writer READ_WRITE": 403, "editor READ": 403, "admin READ": 403 },
      },
    ];
    const before = databaseFingerprint();
    let refusals = 0;
    for (const call of calls) {
      const send = async (headers: Record<string, string>, session?: RoleName) => {
        const api = await playwright.request.newContext({
          baseURL: E2E_URL,
          storageState: session ? storageStatePath(session) : undefined,
          extraHTTPHeaders: { "X-Forwarded-For": clientAddress(), ...headers },
        });
        const response = await api.fetch(call.url, { method: call.method.toUpperCase(), data: call.data, multipart: call.multipart });
        const status = response.status();
        const type = response.headers()["content-type"];
        await api.dispose();
        return { status, type };
      };
      for (const [who, status] of Object.entries(call.refused)) {
        const answer = await send({ Authorization: `Bearer ${keys[who as keyof typeof keys]}` });
        expect(answer.status, `${call.name} with the ${who} key`).toBe(status);
        expect(answer.type).toBe("application/problem+json");
        refusals++;
      }
      const strangers: Record<string, Record<string, string>> = {
        "no key": {},
        "a revoked key": { Authorization: `Bearer ${revoked}` },
        "a made-up key": { Authorization: "Bearer dl_madeupmadeupmadeupmadeupmadeupmadeupmadeup" },
        "a cross-site request": { Origin: "https://evil.example", Authorization: "Bearer not-a-key" },
      };
      for (const [who, headers] of Object.entries(strangers)) {
        expect((await send(headers)).status, `${call.name} with ${who}`).toBe(401);
      }
      for (const role of EVERYONE)
        expect((await send({ Origin: E2E_URL }, role)).status, `${call.name} with ${role}'s session cookie`).toBe(401);
      expect(databaseFingerprint(), `${call.name} changed the database`).toBe(before);
    }
    expect(refusals).toBe(39);
  });

  test("GET requests change nothing: every route handler and the admin pages, for every role", async ({ playwright }) => {
    test.setTimeout(90_000);
    const t = targets();
    const before = databaseFingerprint();
    const urls = [
      "/api/health",
      "/api/health/live",
      "/api/admin/users",
      "/api/admin/audit",
      "/api/cron/publish-scheduled",
      "/api/media",
      "/api/media?q=probe&page=2",
      `/api/media?ids=${t.image}`,
      "/api/admin/audit?actor=probe&q=probe",
      `/api/media/${t.image}/file`,
      "/api/auth/signout",
      "/api/v1/stories",
      `/api/v1/stories/${t.story.id}`,
      `/api/v1/stories/by-address?path=/news/${t.story.slug}`,
      "/api/v1/sections",
      "/api/v1/tags",
      "/api/v1/bylines",
      `/api/v1/photos/${t.image}`,
      "/api/v1/openapi.json",
      "/api/v1/docs",
      "/api/v1/desk/stories",
      `/api/v1/desk/stories/${t.story.id}`,
      "/api/v1/desk/bylines",
      "/api/v1/desk/tags",
      "/admin/api-keys",
      "/admin/webhooks",
      "/admin",
      "/admin/articles",
      `/admin/articles/${t.story.id}`,
      `/admin/articles/${t.story.id}/revisions`,
      `/admin/articles/${t.story.id}/copies/matrixprobecopy`,
      "/admin/media",
      `/admin/media/${t.image}`,
      "/admin/audit",
      `/admin/audit?story=${t.story.id}`,
      "/admin/users",
      "/admin/profile",
      "/login/forgot",
      `/login/reset/${"m".repeat(43)}`,
      "/admin/bylines",
      "/admin/front",
      "/admin/notifications",
      `/draft/${"A".repeat(43)}`,
      "/admin/sections",
      `/admin/sections/${t.section}`,
      `/admin/bylines/${t.author}`,
      "/admin/wire",
      "/admin/wire?q=probe&agency=Probe",
      "/admin/wire/matrix-probe-wire",
      "/admin/wire/feeds",
      "/api/admin/wire/photos/matrix-probe-photo",
    ];
    for (const caller of ["anonymous", ...EVERYONE] as Caller[]) {
      const api = await apiAs(playwright, caller);
      for (const url of urls) {
        const response = await api.get(url, { maxRedirects: 0 });
        expect(response.status(), `GET ${url} as ${caller}`).toBeLessThan(500);
      }
      await api.dispose();
    }
    expect(databaseFingerprint()).toBe(before);
  });
});
