import { beforeAll, describe, expect, it } from "vitest";
import { db, isPostgres } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput, uid } from "../test/factories";
import { createArticle, transitionArticle, updateArticle } from "../articles/mutations/index";
import { expectAppError } from "../test/expect-app-error";
import { createApiKey, revokeApiKey } from "../apikeys/mutations";
import { authenticateApiKey } from "./auth";
import { COUNT_WAIT_MS, takeRequest } from "./rate-limit";
import { holdWriteLock } from "../test/lock-holder";
import { databaseFilePath } from "../db/sqlite";
import {
  getPublicPhoto,
  getPublicStoryById,
  getPublicStoryByPath,
  listPublicStories,
  siteAddress,
  storyListQuerySchema,
} from "./public-reads";
import { normalizeOldPath } from "../import/redirects";
import { listDeskStories } from "./desk-reads";
import { addSources, getDeskStoryOrThrow, saveDeskStory } from "./desk-writes";
import { openApiDocument } from "./openapi";
import { storyListSchema, storySchema } from "./schemas";

const noExpire = () => {};
let admin: Viewer;
let editor: Viewer;
let writer: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  editor = await makeUser("EDITOR");
  writer = await makeUser("WRITER");
  bits = await makeNewsroomBits(writer.id);
});

const bearer = (token: string) => new Request("http://x/api/v1/desk/stories", { headers: { authorization: `Bearer ${token}` } });

describe("API keys", () => {
  it("are made by admins only, shown once, stored as a hash, and act as their user until revoked", async () => {
    await expectAppError(createApiKey(editor, { name: "x", userId: editor.id, scope: "READ" }), "forbidden");
    const key = await createApiKey(admin, { name: "Newsletter", userId: writer.id, scope: "READ_WRITE" });
    expect(key.token).toMatch(/^dl_[\w-]{43}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(JSON.stringify(row)).not.toContain(key.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.lastUsedAt).toBeNull();

    const caller = await authenticateApiKey(bearer(key.token));
    expect(caller).toMatchObject({ keyId: key.id, scope: "READ_WRITE", viewer: { id: writer.id, role: "WRITER" } });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).not.toBeNull();

    await expectAppError(authenticateApiKey(bearer(key.token.slice(0, -1) + (key.token.endsWith("A") ? "B" : "A"))), "unauthorized");
    await expectAppError(
      authenticateApiKey(new Request("http://x", { headers: { cookie: "next-auth.session-token=abc" } })),
      "unauthorized",
    );
    await revokeApiKey(admin, { id: key.id });
    await expectAppError(authenticateApiKey(bearer(key.token)), "unauthorized");
    const audit = await db.auditEvent.findMany({ where: { entityId: key.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["apikey.create", "apikey.revoke"]);
  });

  it("stop working when their user is disabled", async () => {
    const user = await makeUser("EDITOR");
    const key = await createApiKey(admin, { name: "Push", userId: user.id, scope: "READ" });
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    await expectAppError(authenticateApiKey(bearer(key.token)), "unauthorized");
  });
});

describe("rate limits", () => {
  it("count requests per bucket per minute in the database and refuse past the limit with a retry time", async () => {
    const bucket = `test:${uid()}`;
    const now = Date.UTC(2026, 11, 2, 3, 0, 10);
    for (let i = 0; i < 3; i++) await takeRequest(bucket, 3, now);
    const refused = await expectAppError(takeRequest(bucket, 3, now), "locked");
    expect(refused.details).toEqual({ retryAfterSeconds: 50 });
    // Counted in the table every process shares, not in this process's memory.
    expect((await db.apiRateWindow.findFirstOrThrow({ where: { bucket } })).count).toBe(4);
    // The next minute starts afresh.
    await takeRequest(bucket, 3, now + 60_000);
  });

  it("never keep a reader waiting on an editor's write: a count that cannot be written lets the request through (it waited 5 s, then 503)", async () => {
    const bucket = `test:${uid()}`;
    const lock = await holdWriteLock(isPostgres ? process.env.DATABASE_URL! : databaseFilePath(), 3_000);
    const started = Date.now();
    await takeRequest(bucket, 3);
    expect(Date.now() - started).toBeLessThan(COUNT_WAIT_MS + 500);
    // The limit still holds, counted by this process while the database cannot take the count.
    if (!isPostgres) {
      await takeRequest(bucket, 3);
      await takeRequest(bucket, 3);
      await expectAppError(takeRequest(bucket, 3), "locked");
    }
    await lock.released;
  }, 20_000);

  it("hold under concurrent requests: exactly `limit` of 40 simultaneous ones go through", async () => {
    const bucket = `test:${uid()}`;
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => takeRequest(bucket, 25)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(25);
  });
});

describe("the open read API", () => {
  it("lists published stories only, newest first, with filters and cursors that page without gaps or repeats", async () => {
    const section = (await makeNewsroomBits()).section;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await createArticle(editor, readyArticleInput(section.id, bits.author.id));
      await transitionArticle(editor, { id: s.id, version: s.version, to: "PUBLISHED" });
      ids.unshift(s.id);
    }
    const draft = await createArticle(editor, readyArticleInput(section.id, bits.author.id));
    const scheduled = await createArticle(editor, readyArticleInput(section.id, bits.author.id));
    await transitionArticle(editor, {
      id: scheduled.id,
      version: scheduled.version,
      to: "SCHEDULED",
      scheduledFor: new Date(Date.now() + 3_600_000),
    });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPublicStories(storyListQuerySchema.parse({ section: section.slug, limit: "2", cursor }));
      storyListSchema.parse(page);
      seen.push(...page.data.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(await getPublicStoryById(draft.id)).toBeNull();
    expect(await getPublicStoryById(scheduled.id)).toBeNull();

    const story = (await getPublicStoryById(ids[0]!))!;
    storySchema.parse(story);
    // The newsroom's language of stories (a setting; English until one is chosen).
    expect(story.language).toBe("en");
    // As readers see it: the dateline leads the first paragraph.
    expect(story.body.html).toContain(
      `<p dir="auto"><span class="dateline" dir="auto">TESTVILLE —</span> “A quote,” said an official.</p>`,
    );
    expect(await getPublicStoryByPath(story.path)).toEqual(story);
    expect(
      (await listPublicStories(storyListQuerySchema.parse({ updatedSince: new Date(Date.now() + 60_000).toISOString() }))).data,
    ).toEqual([]);
    await expectAppError(listPublicStories(storyListQuerySchema.parse({ cursor: "not-a-cursor" })), "invalid");
  });

  it("gives a photo's credit line as readers see it, the library's own line first", async () => {
    const id = uid();
    const image = await db.image.create({
      data: {
        storageKey: `k-${id}`,
        sha256: `sha-${id}`,
        mimeType: "image/jpeg",
        width: 1200,
        height: 800,
        bytes: 100,
        altText: "A street at dawn.",
        credit: "Roman Pilipey",
        agency: "Getty Images",
        creditLine: "Roman Pilipey/Getty Images for The Dateline",
      },
    });
    const created = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, { hero: { imageId: image.id } }));
    await transitionArticle(editor, { id: created.id, version: created.version, to: "PUBLISHED" });
    const story = (await getPublicStoryById(created.id))!;
    const photo = (await getPublicPhoto(image.id))!.photo;
    expect(story.hero?.creditLine).toBe("Roman Pilipey/Getty Images for The Dateline");
    expect(photo.creditLine).toBe(story.hero?.creditLine);
  });
});

describe("a story's address and a story taken down", () => {
  it("answers 410 Gone by id for a story that ran and was taken down, and tells nothing at its addresses; a draft that never ran is 404", async () => {
    const created = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    const live = await transitionArticle(editor, { id: created.id, version: created.version, to: "PUBLISHED" });
    const before = (await getPublicStoryById(created.id))!;
    const renamed = await updateArticle(editor, {
      ...(await getDeskStoryOrThrow(editor, created.id)).fields,
      slug: `${before.slug}-renamed`,
      id: created.id,
      version: live.version,
    });
    const oldPath = before.path;
    const story = (await getPublicStoryById(created.id))!;
    expect(story.path).not.toBe(oldPath);
    expect((await getPublicStoryByPath(oldPath))?.id).toBe(created.id);
    expect((await getPublicStoryByPath(story.url))?.id).toBe(created.id);

    const down = await transitionArticle(editor, { id: created.id, version: renamed.version, to: "UNPUBLISHED", reason: "Legal asked." });
    await expectAppError(getPublicStoryById(created.id), "gone");
    // Renamed while it is off the site: the new slug was never public, and an address does not say it exists.
    await updateArticle(editor, {
      ...(await getDeskStoryOrThrow(editor, created.id)).fields,
      slug: `${before.slug}-charged`,
      id: created.id,
      version: down.version,
    });
    for (const path of [story.path, oldPath, `/${bits.section.slug}/${before.slug}-charged`]) {
      expect(await getPublicStoryByPath(path), path).toBeNull();
    }
    const draft = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    expect(await getPublicStoryById(draft.id)).toBeNull();
    expect(await getPublicStoryById("no-such-id")).toBeNull();
  });

  it("names when anything last changed (modifiedAt, what updatedSince compares with) and the version, a minor fix included", async () => {
    const created = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    const live = await transitionArticle(editor, { id: created.id, version: created.version, to: "PUBLISHED" });
    const first = (await getPublicStoryById(created.id))!;
    expect(first.version).toBe(live.version);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fixed = await updateArticle(editor, {
      ...(await getDeskStoryOrThrow(editor, created.id)).fields,
      dek: "A dek, its typo mended.",
      id: created.id,
      version: live.version,
      materialUpdate: false,
    });
    const after = (await getPublicStoryById(created.id))!;
    // Readers see no new "updated" time for a minor fix; a partner syncing sees the change.
    expect(after.updatedAt).toBe(first.updatedAt);
    expect(Date.parse(after.modifiedAt)).toBeGreaterThan(Date.parse(first.modifiedAt));
    expect(after.version).toBe(fixed.version);
    const since = (updatedSince: string) =>
      listPublicStories(storyListQuerySchema.parse({ section: bits.section.slug, updatedSince, limit: "100" })).then((page) =>
        page.data.filter((s) => s.id === created.id),
      );
    const [summary] = await since(after.modifiedAt);
    expect(summary).toMatchObject({ modifiedAt: after.modifiedAt, version: fixed.version });
    expect(await since(new Date(Date.parse(after.modifiedAt) + 1).toISOString())).toEqual([]);
  });

  it("finds a story only at an address of this site with the site's two parts", async () => {
    const created = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    await transitionArticle(editor, { id: created.id, version: created.version, to: "PUBLISHED" });
    const story = (await getPublicStoryById(created.id))!;
    expect((await getPublicStoryByPath(`${story.path}?utm_source=x`))?.id).toBe(created.id);
    for (const path of [
      `/${story.slug}`,
      `/tags/flooding/${story.slug}`,
      `https://elsewhere.example${story.path}`,
      "//elsewhere.example/a/b",
    ]) {
      expect(await getPublicStoryByPath(path), path).toBeNull();
    }
    // An address the site had before it moved here, as the site forwards it.
    const wordpress = `/2019/03/14/${story.slug}-old/`;
    const postId = `/?p=${Date.now()}`;
    for (const from of [wordpress, postId]) {
      await db.pathRedirect.create({ data: { fromPath: normalizeOldPath(from)!, entityType: "Article", entityId: created.id } });
      expect((await getPublicStoryByPath(from))?.id, from).toBe(created.id);
    }
    // A tag's old address is the tag's, not the story whose slug is the tag's.
    const tag = await db.tag.create({ data: { name: `Tag ${story.slug}`, slug: story.slug } });
    await db.articleTag.create({ data: { articleId: created.id, tagId: tag.id } });
    const tagAddress = `/tag/${story.slug}/`;
    await db.pathRedirect.create({ data: { fromPath: normalizeOldPath(tagAddress)!, entityType: "Tag", entityId: tag.id } });
    expect(await getPublicStoryByPath(tagAddress)).toBeNull();
    // One spelling per address, whatever was sent: the cached read's key.
    expect(siteAddress(`${story.url}?utm_source=x#top`)).toBe(story.path);
    expect(siteAddress(postId)).toBe(postId);
    expect(siteAddress("https://elsewhere.example/a/b")).toBeNull();
    const site = new URL(story.url);
    for (const spelling of [`http://${site.host}`, `https://${site.host}`, `${site.protocol}//www.${site.host}`]) {
      expect(siteAddress(`${spelling}${story.path}`), spelling).toBe(story.path);
    }
    expect(siteAddress(`${site.protocol}//news.${site.host}${story.path}`)).toBeNull();
  });
});

describe("the desk API's reads and writes", () => {
  it("shows a writer's key only the writer's stories, drafts included, and adds sources through the editor's save", async () => {
    const own = await createArticle(writer, readyArticleInput(bits.section.id, bits.author.id));
    const others = await createArticle(
      editor,
      readyArticleInput((await makeNewsroomBits()).section.id, (await makeNewsroomBits()).author.id),
    );
    const list = await listDeskStories(writer, { limit: 100 });
    expect(list.data.map((s) => s.id)).toContain(own.id);
    expect(list.data.map((s) => s.id)).not.toContain(others.id);

    const saved = await addSources(
      writer,
      own.id,
      {
        version: own.version,
        sources: [{ url: "https://example.org/report.pdf", title: "The report" }],
      },
      noExpire,
    );
    expect(saved.version).toBe(own.version + 1);
    const sources = await db.sourceLink.findMany({ where: { articleId: own.id }, orderBy: { position: "asc" } });
    expect(sources.map((s) => s.title)).toEqual(["A source", "The report"]);
    const stale = await expectAppError(
      addSources(writer, own.id, { version: own.version, sources: [{ url: "https://example.org/x", title: "X" }] }, noExpire),
      "conflict",
    );
    expect(stale.details).toMatchObject({ currentVersion: own.version + 1 });
    await expectAppError(
      addSources(writer, others.id, { version: others.version, sources: [{ url: "https://example.org/x", title: "X" }] }, noExpire),
      "not_found",
    );
    const bad = await expectAppError(
      addSources(writer, own.id, { version: saved.version, sources: [{ url: "javascript:alert(1)", title: "" }] }, noExpire),
      "invalid",
    );
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["sources.0.url", "sources.0.title"]));
  });

  it("saves only the fields a PUT sends: the others keep their values (a headline alone emptied the body, bylines and sources)", async () => {
    const story = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, { dek: "The dek stays." }));
    const before = (await getDeskStoryOrThrow(editor, story.id)).fields;
    const saved = await saveDeskStory(editor, story.id, { version: story.version, headline: "Only the headline changes" }, noExpire);
    const after = (await getDeskStoryOrThrow(editor, story.id)).fields;
    expect(saved.version).toBe(story.version + 1);
    expect(after).toEqual({ ...before, headline: "Only the headline changes" });
    // A field sent empty is emptied: leaving out and clearing are different requests.
    await saveDeskStory(editor, story.id, { version: saved.version, dek: "" }, noExpire);
    expect((await getDeskStoryOrThrow(editor, story.id)).fields).toEqual({ ...after, dek: "" });
    // A stale version is refused as before, whatever was left out.
    await expectAppError(saveDeskStory(editor, story.id, { version: story.version, dek: "Late" }, noExpire), "conflict");
    await expectAppError(saveDeskStory(editor, story.id, ["not", "an", "object"], noExpire), "invalid");
    // A key it does not know is refused, not dropped with a new version saved for nothing.
    const typo = await expectAppError(
      saveDeskStory(editor, story.id, { version: saved.version + 1, headLine: "Typo", fields: { dek: "x" } }, noExpire),
      "invalid",
    );
    expect(typo.fieldErrors).toEqual({ headLine: ["Not a field of a story."], fields: ["Not a field of a story."] });
    // A version from the future is no one's save in between (it was told that "… saved this story").
    const ahead = await expectAppError(saveDeskStory(editor, story.id, { version: 999, dek: "?" }, noExpire), "conflict");
    expect(ahead.message).toBe(
      `This story has no version 999: its newest is ${saved.version + 1}. Load it again and save from there. Your changes were not saved.`,
    );
  });
});

describe("the OpenAPI document", () => {
  it("names every operation once and points at schemas it defines", () => {
    const doc = openApiDocument();
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => (o as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });
});
