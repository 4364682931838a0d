import type { APIResponse } from "@playwright/test";
import { z } from "zod";
import { expect, test, unique } from "../fixtures";
import { BACKGROUND_AUDIT, readDatabase } from "../database";
import { E2E_URL, storageStatePath } from "../env";
import { actionOutcome, callServerAction, serverActionsInBuild } from "../server-actions";
import { apiClient, makeApiKey } from "../api-keys";
import { HOSTILE, PAYLOAD } from "../hostile-corpus";
import { errorStatuses, OPERATIONS } from "../../lib/api/openapi";
import { problemSchema } from "../../lib/api/schemas";
import { makePhoto } from "../../lib/test/images";

// Issue 17: every endpoint of /api/v1 against the production server and its real database. Every
// JSON answer is checked against the schema the OpenAPI document names for it (lib/api/openapi.ts:
// the operation's success schema, or the problem schema), with no field the schema does not know.

/** The operation whose path template matches `url`'s path for `method`. */
function operationFor(method: string, url: string) {
  const path = new URL(url, "http://x").pathname;
  const op = OPERATIONS.find(
    (o) => o.method === method.toLowerCase() && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
  );
  if (!op) throw new Error(`no operation for ${method} ${path}`);
  return op;
}

/** Reads a JSON answer and checks it against its documented schema; returns it. */
async function checked<T = Record<string, unknown>>(response: APIResponse, method = "GET"): Promise<T> {
  const op = operationFor(method, response.url());
  const body = (await response.json()) as unknown;
  const problem = response.status() >= 400;
  if (problem) expect(response.headers()["content-type"]).toBe("application/problem+json");
  else
    expect(response.status(), JSON.stringify(body).slice(0, 300)).toBe(
      op.ok.status === 201 && response.status() === 200 ? 200 : op.ok.status,
    );
  if (problem) expect(errorStatuses(op), `${method} ${op.path} documents ${response.status()}`).toContain(response.status());
  const schema = (problem ? problemSchema : op.ok.schema) as z.ZodType;
  const parsed = schema.safeParse(body);
  expect(parsed.success, `${method} ${response.url()}: ${parsed.error?.message}`).toBe(true);
  // Nothing the schema does not describe (zod drops unknown keys; the two must be equal).
  expect(JSON.parse(JSON.stringify(parsed.data))).toEqual(body);
  return body as T;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);

type Story = z.infer<typeof import("../../lib/api/schemas").storySchema>;

test.describe("the open read API", () => {
  test("serves published stories with their body as readers get it, sections, tags, bylines and photos; drafts and scheduled stories never", async ({
    playwright,
  }) => {
    const api = await apiClient(playwright);
    const list = await checked<{ data: { id: string; path: string }[]; nextCursor: string | null }>(
      await api.get("/api/v1/stories?limit=3"),
    );
    expect(list.data).toHaveLength(3);
    expect(list.nextCursor).not.toBeNull();
    const next = await checked<{ data: { id: string }[] }>(await api.get(`/api/v1/stories?limit=3&cursor=${list.nextCursor}`));
    expect(next.data.map((s) => s.id)).not.toContain(list.data[0]!.id);

    const published = readDatabase((db) => db.prepare("SELECT id FROM Article WHERE status = 'PUBLISHED'").pluck().all()) as string[];
    const all = await checked<{ data: { id: string }[] }>(await api.get("/api/v1/stories?limit=100"));
    expect(all.data.map((s) => s.id).sort()).toEqual([...published].sort());
    for (const status of ["DRAFT", "SCHEDULED", "IN_REVIEW", "UNPUBLISHED"]) {
      const hidden = readDatabase((db) =>
        db.prepare("SELECT id, slug, firstPublishedAt IS NOT NULL AS ran FROM Article WHERE status = ? LIMIT 1").get(status),
      ) as { id: string; slug: string; ran: number } | undefined;
      if (!hidden) continue;
      // By id, a story that ran and was taken down is 410 Gone (a partner removes its copy); one that
      // never ran, 404. An address tells neither apart.
      const response = await api.get(`/api/v1/stories/${hidden.id}`);
      expect(response.status(), status).toBe(hidden.ran ? 410 : 404);
      expect((await checked<{ title: string }>(response)).title).toBe(hidden.ran ? "Gone" : "Not found");
      expect((await api.get(`/api/v1/stories/by-address?path=/news/${hidden.slug}`)).status()).toBe(404);
    }

    // The hostile story: every field exactly as typed, and the body HTML byte for byte what its page shows.
    const hostileId = readDatabase((db) => db.prepare("SELECT id FROM Article WHERE slug = ?").pluck().get(HOSTILE.slug)) as string;
    const story = await checked<Story>(await api.get(`/api/v1/stories/${hostileId}`));
    expect(story.headline).toBe(HOSTILE.headline);
    expect(story.dateline).toBe(HOSTILE.dateline);
    expect(story.sources[0]!.title).toBe(HOSTILE.sourceTitle);
    expect(story.bylines[0]!.name).toBe(HOSTILE.authorName);
    expect(story.corrections.map((c) => c.text)).toContain(HOSTILE.correction);
    expect(JSON.stringify(story)).toContain(JSON.stringify(PAYLOAD).slice(1, -1));
    // React's streaming renderer marks where two text nodes meet with an empty comment; the
    // HTML is the same without it, and no text a user typed can write one (it is escaped).
    const page = (await (await api.get(story.path)).text()).replaceAll("<!-- -->", "");
    expect(page).toContain(story.body.html);
    if (story.hero) {
      // The credit line readers see, exactly.
      expect(page).toContain(
        `<span class="credit"><span class="credit-label" lang="en">Photo:</span> ${escapeHtml(story.hero.creditLine)}</span>`,
      );
      const photo = await checked<{ creditLine: string; license: string; variants: { url: string }[] }>(
        await api.get(`/api/v1/photos/${story.hero.photoId}`),
      );
      expect(photo.creditLine).toBe(story.hero.creditLine);
      expect((await api.get(photo.variants[0]!.url)).status()).toBe(200);
    }
    expect(await checked<Story>(await api.get(`/api/v1/stories/by-address?path=${encodeURIComponent(story.path)}`))).toEqual(story);

    const sections = await checked<{ data: { slug: string }[] }>(await api.get("/api/v1/sections"));
    expect(sections.data.length).toBeGreaterThan(0);
    const tags = await checked<{ data: { name: string }[] }>(await api.get("/api/v1/tags"));
    expect(tags.data.map((t) => t.name)).toContain(HOSTILE.tags[0]);
    const bylines = await checked<{ data: { name: string }[] }>(await api.get("/api/v1/bylines"));
    expect(bylines.data.map((b) => b.name)).toContain(HOSTILE.authorName);
    const filtered = await checked<{ data: { id: string }[] }>(await api.get(`/api/v1/stories?section=${story.section!.slug}&limit=100`));
    expect(filtered.data.map((s) => s.id)).toContain(story.id);

    const invalid = await api.get("/api/v1/stories?limit=500&updatedSince=yesterday");
    expect(invalid.status()).toBe(422);
    const problem = await checked<{ errors: Record<string, string[]> }>(invalid);
    expect(Object.keys(problem.errors).sort()).toEqual(["limit", "updatedSince"]);
    await api.dispose();
  });

  test("answers with ETags, 304s, Cache-Control and surrogate keys like the public pages, and CORS for any origin", async ({
    playwright,
  }) => {
    const api = await apiClient(playwright, undefined, { Origin: "https://app.example" });
    const id = readDatabase((db) => db.prepare("SELECT id FROM Article WHERE slug = ?").pluck().get(HOSTILE.slug)) as string;
    const first = await api.get(`/api/v1/stories/${id}`);
    const headers = first.headers();
    expect(headers["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    expect(headers["surrogate-key"]).toContain(`story:${HOSTILE.slug}`);
    expect(headers["cache-tag"]).toContain(`story:${HOSTILE.slug}`);
    expect(headers["access-control-allow-origin"]).toBe("*");
    expect(headers["etag"]).toMatch(/^W\/"[\w-]+"$/);
    // Kept by the front cache like a page: the next reader is answered from memory, with the same headers.
    const hit = await api.get(`/api/v1/stories/${id}`);
    expect(hit.headers()["x-dateline-cache"]).toBe("HIT");
    expect(hit.headers()["etag"]).toBe(headers["etag"]);
    expect(hit.headers()["surrogate-key"]).toBe(headers["surrogate-key"]);
    expect(hit.headers()["access-control-allow-origin"]).toBe("*");
    expect(await hit.text()).toBe(await first.text());
    const again = await api.get(`/api/v1/stories/${id}`, { headers: { "If-None-Match": headers["etag"]! } });
    expect(again.status()).toBe(304);
    expect(await again.body()).toHaveLength(0);
    const preflight = await api.fetch("/api/v1/stories", { method: "OPTIONS", headers: { "Access-Control-Request-Method": "GET" } });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");
    // An address no operation has is a problem document too, not the site's HTML page.
    const nowhere = await api.get("/api/v1/search?q=harbour");
    expect(nowhere.status()).toBe(404);
    expect(nowhere.headers()["content-type"]).toContain("application/problem+json");
    expect(((await nowhere.json()) as { detail: string }).detail).toBe(
      "There is no such API address. The operations are listed at /api/v1/docs.",
    );
    // A browser's preflight to it is answered too, so a script on another site reads that 404.
    const nowherePreflight = await api.fetch("/api/v1/search?q=harbour", {
      method: "OPTIONS",
      headers: { Origin: "https://reader.example", "Access-Control-Request-Method": "GET" },
    });
    expect(nowherePreflight.status()).toBe(204);
    expect(nowherePreflight.headers()["access-control-allow-origin"]).toBe("*");
    // The desk API shares nothing across origins and is never cached.
    const desk = await api.get("/api/v1/desk/stories");
    expect(desk.status()).toBe(401);
    expect(desk.headers()["www-authenticate"]).toMatch(/^Bearer realm=/);
    expect(desk.headers()["access-control-allow-origin"]).toBeUndefined();
    // Nor do its unknown addresses, to a preflight or a request.
    const deskNowhere = await api.fetch("/api/v1/desk/nowhere", {
      method: "OPTIONS",
      headers: { Origin: "https://reader.example", "Access-Control-Request-Method": "GET" },
    });
    expect(deskNowhere.status()).toBe(404);
    expect(deskNowhere.headers()["access-control-allow-origin"]).toBeUndefined();
    expect((await api.get("/api/v1/desk/nowhere")).headers()["access-control-allow-origin"]).toBeUndefined();
    await api.dispose();
  });

  test("refuses a client address past its limit of cache misses with 429 and Retry-After", async ({ playwright }) => {
    const api = await apiClient(playwright);
    let refused: APIResponse | null = null;
    // Invented ids are never kept by the cache, so each one is a miss (150 a minute in e2e/env.ts).
    // The limit counts per minute of the clock: a loop that crosses into the next minute meets it
    // there, so it may go to twice the limit and more.
    for (let i = 0; i < 320 && !refused; i++) {
      const response = await api.get(`/api/v1/stories/nope-${unique()}-${i}`);
      if (response.status() === 429) refused = response;
      else expect(response.status()).toBe(404);
    }
    expect(refused).not.toBeNull();
    expect(Number(refused!.headers()["retry-after"])).toBeGreaterThan(0);
    await checked(refused!);
    // Another address is served.
    const other = await apiClient(playwright);
    expect((await other.get("/api/v1/sections")).status()).toBe(200);
    await Promise.all([api.dispose(), other.dispose()]);
  });
});

test.describe("the desk API", () => {
  test("a read and write key creates, saves, publishes, sources and corrects a story as its user; hostile text round-trips unchanged", async ({
    playwright,
  }) => {
    const api = await apiClient(playwright, await makeApiKey(playwright, "editor", "READ_WRITE"));
    // The ids a story refers to come from the API's own lists (a probe found no way to learn them).
    const ids = {
      section: (await checked<{ data: { id: string }[] }>(await api.get("/api/v1/sections"))).data[0]!.id,
      author: (await checked<{ data: { id: string }[] }>(await api.get("/api/v1/bylines"))).data[0]!.id,
    };
    const slug = `api-story-${unique()}`;
    const invalid = await api.post("/api/v1/desk/stories", { data: { headline: "", slug: "Not A Slug" } });
    expect(invalid.status()).toBe(422);
    const problem = await checked<{ errors: Record<string, string[]> }>(invalid, "POST");
    expect(problem.errors.headline).toEqual(["Write a headline."]);
    expect(problem.errors.slug).toBeDefined();

    const created = await checked<{ id: string; version: number }>(
      await api.post("/api/v1/desk/stories", {
        data: {
          headline: HOSTILE.headline,
          slug,
          dek: HOSTILE.dek,
          dateline: HOSTILE.dateline,
          sectionId: ids.section,
          authorIds: [ids.author],
          body: { type: "doc", content: HOSTILE.body.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) },
          sources: [{ url: HOSTILE.sourceUrl, title: HOSTILE.sourceTitle, publisher: HOSTILE.sourcePublisher, note: HOSTILE.sourceNote }],
        },
      }),
      "POST",
    );
    const loaded = await checked<{ version: number; status: string; fields: Record<string, unknown> & { sources: { title: string }[] } }>(
      await api.get(`/api/v1/desk/stories/${created.id}`),
    );
    expect(loaded.status).toBe("DRAFT");
    // The handler's own ETag check (no cache in front of the desk API): it never matched its weak tag.
    const loadedAgain = await api.get(`/api/v1/desk/stories/${created.id}`);
    const unchanged = await api.get(`/api/v1/desk/stories/${created.id}`, { headers: { "If-None-Match": loadedAgain.headers()["etag"]! } });
    expect(unchanged.status()).toBe(304);
    expect(loaded.fields).toMatchObject({ headline: HOSTILE.headline, dek: HOSTILE.dek, dateline: HOSTILE.dateline });
    expect(loaded.fields.sources[0]!.title).toBe(HOSTILE.sourceTitle);
    const desk = await checked<{ data: { id: string }[] }>(await api.get("/api/v1/desk/stories?status=DRAFT&limit=100"));
    expect(desk.data.map((s) => s.id)).toContain(created.id);

    // A save with the version it loaded; then a save from the old version is a conflict naming who saved.
    const saved = await checked<{ version: number }>(
      // Sent with If-None-Match (as a client that caches its GETs might), a write is still answered in full, never 304.
      await api.put(`/api/v1/desk/stories/${created.id}`, {
        data: { ...loaded.fields, dek: "A new dek.", version: loaded.version },
        headers: { "If-None-Match": "*" },
      }),
      "PUT",
    );
    expect(saved.version).toBe(loaded.version + 1);
    const stale = await api.put(`/api/v1/desk/stories/${created.id}`, {
      data: { ...loaded.fields, dek: "Lost?", version: loaded.version },
    });
    expect(stale.status()).toBe(409);
    const conflict = await checked<{ savedBy: string; currentVersion: number; detail: string; status: number; storyStatus: string }>(
      stale,
      "PUT",
    );
    expect(conflict.savedBy).toBe("E2E editor");
    expect(conflict.currentVersion).toBe(saved.version);
    expect(conflict).toMatchObject({ status: 409, storyStatus: "DRAFT" });

    const live = await checked<{ version: number }>(
      await api.post(`/api/v1/desk/stories/${created.id}/transitions`, { data: { to: "PUBLISHED", version: saved.version } }),
      "POST",
    );
    // The open API has it now (and keeps it in its cache): each change below must expire it.
    const reader = await apiClient(playwright);
    const before = await checked<Story>(await reader.get(`/api/v1/stories/${created.id}`));
    expect(before.corrections).toEqual([]);
    const sourced = await checked<{ version: number }>(
      await api.post(`/api/v1/desk/stories/${created.id}/sources`, {
        data: { version: live.version, sources: [{ url: "https://example.org/second", title: "Second source", kind: "REPORT" }] },
      }),
      "POST",
    );
    const corrected = await checked<{ version: number }>(
      await api.post(`/api/v1/desk/stories/${created.id}/corrections`, {
        data: { version: sourced.version, kind: "CORRECTION", text: HOSTILE.correction },
      }),
      "POST",
    );
    expect(corrected.version).toBe(sourced.version + 1);

    // Readers and the open API see it at once, unchanged.
    const open = await apiClient(playwright);
    const story = await checked<Story>(await open.get(`/api/v1/stories/${created.id}`));
    expect(story.headline).toBe(HOSTILE.headline);
    expect(story.sources.map((s) => s.title)).toEqual([HOSTILE.sourceTitle, "Second source"]);
    expect(story.corrections.map((c) => c.text)).toEqual([HOSTILE.correction]);
    expect(story.dek).toBe("A new dek.");

    // Every change is on the audit log as the key's user, with the key's id (and, on their own
    // clock, whatever the capture jobs of its sources recorded: they are no change of the key's).
    const audit = (
      readDatabase((db) =>
        db.prepare("SELECT action, actorId, data FROM AuditEvent WHERE entityId = ? ORDER BY createdAt").all(created.id),
      ) as {
        action: string;
        data: string;
      }[]
    ).filter((entry) => !BACKGROUND_AUDIT.includes(entry.action));
    expect(audit.map((a) => a.action)).toEqual([
      "article.create",
      "article.update",
      "article.published",
      "article.update",
      "article.correct",
    ]);
    const keyIds = new Set(audit.map((a) => (JSON.parse(a.data) as { apiKeyId?: string }).apiKeyId));
    expect(keyIds.size).toBe(1);
    expect([...keyIds][0]).toMatch(/^c/);

    // A photo through the same checks as the desk's uploads.
    const photo = await api.post("/api/v1/desk/photos", {
      multipart: {
        file: { name: "api.jpg", mimeType: "image/jpeg", buffer: await makePhoto("jpeg", 640, 480, 171) },
        credit: "API Photographer",
      },
    });
    const stored = await checked<{ id: string }>(photo, "POST");
    expect(readDatabase((db) => db.prepare("SELECT credit FROM Image WHERE id = ?").pluck().get(stored.id))).toBe("API Photographer");
    const svg = await api.post("/api/v1/desk/photos", {
      multipart: {
        file: {
          name: "evil.jpg",
          mimeType: "image/jpeg",
          buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        },
      },
    });
    expect(svg.status()).toBe(422);
    await checked(svg, "POST");
    await Promise.all([api.dispose(), open.dispose(), reader.dispose()]);
  });

  test("a script adds a byline and finds or adds tags, lists them all with their ids, and files a story with them", async ({
    playwright,
  }) => {
    const api = await apiClient(playwright, await makeApiKey(playwright, "writer", "READ_WRITE"));
    const name = `Field Desk ${unique()}`;
    const byline = await checked<{ id: string; name: string; slug: string }>(
      await api.post("/api/v1/desk/bylines", { data: { name, title: "Stringers", kind: "ORGANIZATION" } }),
      "POST",
    );
    expect(byline).toMatchObject({ name, slug: expect.stringMatching(/^field-desk-/) });
    const refused = await api.post("/api/v1/desk/bylines", { data: { name: " ", kind: "ROBOT" } });
    expect(refused.status()).toBe(422);
    expect(Object.keys((await checked<{ errors: Record<string, string[]> }>(refused, "POST")).errors).sort()).toEqual(["kind", "name"]);

    const tagName = `Harbour Works ${unique()}`;
    const added = await api.post("/api/v1/desk/tags", { data: { name: tagName } });
    expect(added.status()).toBe(201);
    const tag = await checked<{ id: string; slug: string }>(added, "POST");
    // The same name in other letters and punctuation is the same tag, found rather than added.
    const found = await api.post("/api/v1/desk/tags", { data: { name: `  ${tagName.toUpperCase().replace(" ", "-")}` } });
    expect(found.status()).toBe(200);
    expect((await checked<{ id: string }>(found, "POST")).id).toBe(tag.id);

    // The desk's lists hold them at once; the open lists only once a published story carries them.
    const deskBylines = await checked<{ data: { id: string; kind: string }[] }>(await api.get("/api/v1/desk/bylines"));
    expect(deskBylines.data.find((b) => b.id === byline.id)).toMatchObject({ kind: "ORGANIZATION" });
    const deskTags = await checked<{ data: { id: string }[] }>(await api.get("/api/v1/desk/tags"));
    expect(deskTags.data.map((t) => t.id)).toContain(tag.id);
    const openTags = await checked<{ data: { id: string }[] }>(await api.get("/api/v1/tags"));
    expect(openTags.data.map((t) => t.id)).not.toContain(tag.id);

    const section = (await checked<{ data: { id: string }[] }>(await api.get("/api/v1/sections"))).data[0]!.id;
    const story = await checked<{ id: string }>(
      await api.post("/api/v1/desk/stories", {
        data: {
          headline: "Filed with a new byline",
          slug: `api-byline-${unique()}`,
          sectionId: section,
          authorIds: [byline.id],
          tagIds: [tag.id],
        },
      }),
      "POST",
    );
    const desk = await checked<{ fields: { authorIds: string[]; tagIds: string[] } }>(await api.get(`/api/v1/desk/stories/${story.id}`));
    expect(desk.fields).toMatchObject({ authorIds: [byline.id], tagIds: [tag.id] });
    await api.dispose();
  });

  test("a lone surrogate in a script's JSON is stored as U+FFFD, through the desk API and a Server Action, not answered 500", async ({
    playwright,
  }) => {
    const api = await apiClient(playwright, await makeApiKey(playwright, "editor", "READ_WRITE"));
    // JSON.stringify writes a lone surrogate as the escape "\ud800", as a script's JSON would.
    const created = await api.post("/api/v1/desk/stories", { data: { headline: "Lone \ud800 surrogate", slug: `lone-${unique()}` } });
    expect(created.status()).toBe(201);
    const { id } = await checked<{ id: string }>(created, "POST");
    const story = await checked<{ fields: { headline: string } }>(await api.get(`/api/v1/desk/stories/${id}`));
    expect(story.fields.headline).toBe("Lone \uFFFD surrogate");
    await api.dispose();

    const editor = await playwright.request.newContext({ baseURL: E2E_URL, storageState: storageStatePath("editor") });
    const createTag = serverActionsInBuild().find((a) => a.name === "createTagAction")!;
    const name = `Lone \udc00 tag ${unique()}`;
    const { body } = await callServerAction(editor, "/admin/articles/new", createTag, { name });
    expect(actionOutcome(body), body.slice(0, 300)).toBe("ok");
    expect(body).toContain(JSON.stringify(name.replace("\udc00", "\uFFFD")).slice(1, -1));
    await editor.dispose();
  });

  test("a writer's key can do what the writer can: draft and submit, not publish or correct; a read key cannot write", async ({
    playwright,
  }) => {
    const writer = await apiClient(playwright, await makeApiKey(playwright, "writer", "READ_WRITE"));
    const created = await checked<{ id: string; version: number }>(
      await writer.post("/api/v1/desk/stories", { data: { headline: "A writer's API draft", slug: `writer-api-${unique()}` } }),
      "POST",
    );
    const publish = await writer.post(`/api/v1/desk/stories/${created.id}/transitions`, {
      data: { to: "PUBLISHED", version: created.version },
    });
    expect(publish.status()).toBe(403);
    expect((await checked<{ detail: string }>(publish, "POST")).detail).toBe("Your role cannot move a story to published.");
    const submitted = await checked<{ version: number }>(
      await writer.post(`/api/v1/desk/stories/${created.id}/transitions`, { data: { to: "IN_REVIEW", version: created.version } }),
      "POST",
    );
    expect(submitted.version).toBe(created.version + 1);

    const reader = await apiClient(playwright, await makeApiKey(playwright, "editor", "READ"));
    const refused = await reader.post("/api/v1/desk/stories", { data: { headline: "Never", slug: `never-${unique()}` } });
    expect(refused.status()).toBe(403);
    await checked(refused, "POST");
    const read = await checked<{ status: string }>(await reader.get(`/api/v1/desk/stories/${created.id}`));
    expect(read.status).toBe("IN_REVIEW");
    await Promise.all([writer.dispose(), reader.dispose()]);
  });

  test("a key past its limit gets 429 with Retry-After", async ({ playwright }) => {
    test.setTimeout(90_000);
    const api = await apiClient(playwright, await makeApiKey(playwright, "editor", "READ"));
    let refused: APIResponse | undefined;
    // 200 a minute in e2e/env.ts, counted per clock minute; twenty at a time. A run that crosses a
    // minute's end splits its count between two windows, and 240 requests then may see no 429 (the
    // last fresh-clone run failed here; started at second 59 it fails every time), so it goes on
    // until the new window is full too: 400 at most.
    for (let round = 0; round < 25 && !refused; round++) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => api.get("/api/v1/desk/stories?limit=1")));
      for (const answer of answers) expect([200, 429]).toContain(answer.status());
      refused = answers.find((answer) => answer.status() === 429);
    }
    expect(refused).toBeDefined();
    expect(Number(refused!.headers()["retry-after"])).toBeGreaterThan(0);
    await checked(refused!);
    await api.dispose();
  });
});

test("a body larger than the API accepts gets 413 as a documented problem document; a method an address does not take gets 405 with Allow", async ({
  playwright,
}) => {
  const api = await apiClient(playwright, await makeApiKey(playwright, "editor", "READ_WRITE"));
  // Declared 4 MB (the limit is 3 MB): refused before a byte is read, as the API's routes answer.
  const big = await api.post("/api/v1/desk/stories", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ headline: "x".repeat(4_000_000) }),
  });
  expect(big.status()).toBe(413);
  const problem = await checked<{ type: string; detail: string }>(big, "POST");
  expect(problem).toMatchObject({ type: "/api/v1/docs#problem-invalid", status: 413 });
  expect(problem.detail).toMatch(/^This request is too large \(4\.0 MB; the limit is 3 MB\)\.$/);
  const document = (await (await api.get("/api/v1/openapi.json")).json()) as {
    paths: Record<string, Record<string, { responses: object }>>;
  };
  expect(Object.keys(document.paths["/api/v1/desk/stories"]!.post!.responses)).toContain("413");
  // A script says nothing of where it comes from: no "cross-site" refusal for a key's API.
  const wrongMethod = await playwright.request.newContext({ baseURL: E2E_URL });
  // A 405 says which methods the address takes, as a problem document a browser's page can read.
  const refused = await wrongMethod.post("/api/v1/stories", { data: {} });
  expect(refused.status()).toBe(405);
  expect(refused.headers()).toMatchObject({
    allow: "GET, HEAD, OPTIONS",
    "content-type": "application/problem+json",
    "access-control-allow-origin": "*",
  });
  expect(await refused.json()).toMatchObject({
    status: 405,
    title: "Method not allowed",
    detail: "This address takes GET, HEAD, OPTIONS only.",
  });
  const deskRefused = await api.delete("/api/v1/desk/stories/any-id");
  expect(deskRefused.status()).toBe(405);
  expect(deskRefused.headers().allow).toBe("GET, PUT, HEAD, OPTIONS");
  // An address no route has is not found, whatever the method.
  const nowhere = await wrongMethod.post("/api/v1/no-such-thing", { data: {} });
  expect(nowhere.status()).toBe(404);
  expect(nowhere.headers()["content-type"]).toBe("application/problem+json");
  await wrongMethod.dispose();
  await api.dispose();
});

test("the OpenAPI document is served and valid, and the reference page lists every operation", async ({ playwright }) => {
  const api = await apiClient(playwright);
  const response = await api.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  const { validate } = await import("@scalar/openapi-parser");
  const result = await validate(document);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  const docs = await api.get("/api/v1/docs");
  expect(docs.headers()["content-type"]).toContain("text/html");
  const html = await docs.text();
  for (const op of OPERATIONS) expect(html).toContain(`id="${op.id}"`);
  expect(html).not.toContain("<script");
  await api.dispose();
});
