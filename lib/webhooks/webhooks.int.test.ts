import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readSiteSettings } from "../settings/queries";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { addCorrection, createArticle, deleteArticle, transitionArticle, updateArticle } from "../articles/mutations/index";
import { getDeskStoryOrThrow } from "../api/desk-writes";
import { runAsApiKey } from "../apikeys/context";
import { JobRunner } from "../jobs/runner";
import { createImage } from "../media/ingest";
import { updateImageMetadata, updateImageSchema } from "../media/library";
import { makePhoto } from "../test/images";
import { expectAppError } from "../test/expect-app-error";
import { createWebhook, deleteWebhook, resendDelivery } from "./mutations";
import { webhookJobs, WEBHOOK_GIVE_UP_MS } from "./deliver";
import { WEBHOOK_JOB } from "./emit";

// Real deliveries to a real local receiver, allowed explicitly (the outbound guard refuses 127.0.0.1 otherwise).
let admin: Viewer;
let editor: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;
let server: http.Server;
let url: string;
let answers: number[] = [];
/** While set, the receiver holds its answer until it settles (a receiver that hangs). */
let hold: Promise<void> | null = null;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const runner = new JobRunner({ handlers: webhookJobs, id: "test-runner" });

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  editor = await makeUser("EDITOR");
  bits = await makeNewsroomBits();
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", async () => {
      received.push({ headers: req.headers, body });
      if (hold) await hold;
      const status = answers.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain", ...(status === 307 ? { location: "https://moved.example/hook" } : {}) });
      res.end(status === 200 ? "thanks" : `<h1>down</h1> ${"x".repeat(2000)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  await db.outboundAllowedHost.upsert({ where: { host: "127.0.0.1:*" }, create: { host: "127.0.0.1:*" }, update: {} });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  await db.webhook.deleteMany();
  await db.job.deleteMany({ where: { kind: WEBHOOK_JOB } });
  received.length = 0;
  answers = [];
});

/** Makes every waiting delivery due now (the test does not wait out the backoff) and runs the due jobs until none is left. */
async function drain(rounds = 10) {
  for (let i = 0; i < rounds; i++) {
    await db.webhookDelivery.updateMany({ where: { status: "PENDING" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    await db.job.updateMany({ where: { kind: WEBHOOK_JOB, doneAt: null }, data: { runAt: new Date(Date.now() - 1000) } });
    if ((await runner.runDue()) === 0) return;
  }
}

async function publishedStory() {
  const created = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
  return transitionArticle(editor, { id: created.id, version: created.version, to: "PUBLISHED" });
}

function verify(secret: string, delivery: { headers: http.IncomingHttpHeaders; body: string }) {
  const [t, v1] = String(delivery.headers["dateline-signature"])
    .split(",")
    .map((p) => p.split("=")[1]!);
  const expected = crypto.createHmac("sha256", secret).update(`${t}.${delivery.body}`).digest("hex");
  return v1 === expected && Math.abs(Date.now() / 1000 - Number(t)) < 300;
}

describe("webhooks", () => {
  it("delivers a signed event for each change a webhook asked for, and nothing for the others", async () => {
    const hook = await createWebhook(admin, {
      name: "Push",
      url,
      events: ["story.published", "story.updated.material", "story.corrected"],
    });
    const story = await publishedStory();
    const data = await getDeskStoryOrThrow(editor, story.id);
    const minor = await updateArticle(editor, { ...data.fields, id: story.id, version: story.version, materialUpdate: false });
    const material = await updateArticle(editor, { ...data.fields, id: story.id, version: minor.version, materialUpdate: true });
    await addCorrection(editor, {
      articleId: story.id,
      version: material.version,
      kind: "CORRECTION",
      text: "An earlier version misnamed the minister.",
    });
    await drain();
    const events = received.map((r) => JSON.parse(r.body) as { event: string; story: { id: string; status: string; url: string } });
    expect(events.map((e) => e.event)).toEqual(["story.published", "story.updated.material", "story.corrected"]);
    expect(events[0]!.story).toMatchObject({ id: story.id, status: "PUBLISHED", language: (await readSiteSettings()).language });
    // A correction's own words come with it.
    expect(JSON.parse(received[2]!.body)).toMatchObject({
      correction: { kind: "CORRECTION", text: "An earlier version misnamed the minister.", createdAt: expect.any(String) },
    });
    for (const delivery of received) {
      expect(verify(hook.secret, delivery)).toBe(true);
      expect(verify("whsec_wrong", delivery)).toBe(false);
      expect(delivery.headers["content-type"]).toBe("application/json");
      expect(delivery.headers["user-agent"]).toMatch(/^Dateline\//);
    }
    // A tampered body no longer matches its signature.
    expect(verify(hook.secret, { ...received[0]!, body: received[0]!.body.replace("PUBLISHED", "DRAFT") })).toBe(false);
  });

  it("gives the story's language, its own or the site's, as the content API does (a Welsh story's event did not say it was Welsh)", async () => {
    await createWebhook(admin, { name: "Languages", url, events: ["story.updated.minor"] });
    const story = await publishedStory();
    const data = await getDeskStoryOrThrow(editor, story.id);
    await updateArticle(editor, { ...data.fields, language: "CY", id: story.id, version: story.version, materialUpdate: false });
    await drain();
    expect((JSON.parse(received[0]!.body) as { story: { language: string } }).story.language).toBe("cy");
  });

  it("says where a live story's address was when a save moved it (a slug change reached partners without the old address)", async () => {
    await createWebhook(admin, { name: "Moves", url, events: ["story.updated.minor"] });
    const story = await publishedStory();
    const data = await getDeskStoryOrThrow(editor, story.id);
    const before = `/${bits.section.slug}/${data.fields.slug}`;
    const moved = await updateArticle(editor, {
      ...data.fields,
      slug: `${data.fields.slug}-renamed`,
      id: story.id,
      version: story.version,
      materialUpdate: false,
    });
    await updateArticle(editor, {
      ...data.fields,
      slug: `${data.fields.slug}-renamed`,
      // A minor fix that changes something (one that changes nothing writes nothing).
      dek: "A minor fix of the dek.",
      id: story.id,
      version: moved.version,
      materialUpdate: false,
    });
    await drain();
    const [first, second] = received.map((r) => JSON.parse(r.body) as { story: Record<string, string> });
    expect(first!.story).toMatchObject({
      path: `/${bits.section.slug}/${data.fields.slug}-renamed`,
      previousPath: before,
      previousUrl: expect.stringMatching(new RegExp(`^https?://[^/]+${before}$`)),
    });
    // A save that did not move it says nothing of the kind.
    expect(second!.story).not.toHaveProperty("previousPath");
  });

  it("retries a failing receiver with backoff and keeps each attempt; the queue of a story stays in order", async () => {
    await createWebhook(admin, { name: "Flaky", url, events: ["story.published", "story.unpublished"] });
    answers = [500, 503];
    const story = await publishedStory();
    await transitionArticle(editor, { id: story.id, version: story.version, to: "UNPUBLISHED", reason: "Legal" });
    // First pass: the publish fails; the unpublish waits behind it.
    await runner.runDue();
    expect(received.map((r) => JSON.parse(r.body).event)).toEqual(["story.published"]);
    const first = await db.webhookDelivery.findFirstOrThrow({ where: { event: "story.published" } });
    expect(first.status).toBe("PENDING");
    expect(first.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    await drain();
    expect(received.map((r) => JSON.parse(r.body).event)).toEqual([
      "story.published",
      "story.published",
      "story.published",
      "story.unpublished",
    ]);
    const log = await db.webhookDelivery.findFirstOrThrow({ where: { id: first.id }, include: { attemptLog: { orderBy: { at: "asc" } } } });
    expect(log.status).toBe("DELIVERED");
    expect(log.attemptLog.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(log.attemptLog[0]!.responseExcerpt).toContain("<h1>down</h1>");
    expect(log.attemptLog[0]!.responseExcerpt.length).toBeLessThanOrEqual(500);
    expect(log.attemptLog[2]!.responseExcerpt).toBe("thanks");
  });

  it("after a day of failures marks the event failed and moves on; an admin can send it again", async () => {
    await createWebhook(admin, { name: "Dead", url, events: ["story.published", "story.unpublished"] });
    const story = await publishedStory();
    await transitionArticle(editor, { id: story.id, version: story.version, to: "UNPUBLISHED", reason: "Legal" });
    const published = await db.webhookDelivery.findFirstOrThrow({ where: { event: "story.published" } });
    await db.webhookDelivery.update({ where: { id: published.id }, data: { createdAt: new Date(Date.now() - WEBHOOK_GIVE_UP_MS - 1000) } });
    answers = [500];
    await drain();
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: published.id } })).status).toBe("FAILED");
    expect((await db.webhookDelivery.findFirstOrThrow({ where: { event: "story.unpublished" } })).status).toBe("DELIVERED");
    await expectAppError(resendDelivery(editor, { deliveryId: published.id }), "forbidden");
    // Two clicks at once send it again once.
    const clicks = await Promise.allSettled([0, 1].map(() => resendDelivery(admin, { deliveryId: published.id })));
    expect(clicks.map((c) => (c.status === "fulfilled" ? "queued" : (c.reason as { code: string }).code)).sort()).toEqual([
      "conflict",
      "queued",
    ]);
    expect(await db.webhookDelivery.count({ where: { resentFromId: published.id } })).toBe(1);
    await drain();
    const again = await db.webhookDelivery.findFirstOrThrow({ where: { resentFromId: published.id } });
    expect(again.status).toBe("DELIVERED");
    expect(received.at(-1)!.body).toBe(published.body);
  });

  it("queues nothing for a change that was refused (rolled back) or a draft's save; records the API key on audit events", async () => {
    await createWebhook(admin, {
      name: "All",
      url,
      events: ["story.published", "story.updated.material", "story.updated.minor"],
    });
    // A list saved when "story.deleted" was offered keeps its other events.
    await db.webhook.create({
      data: { name: "Old list", url, secret: "s", events: JSON.stringify(["story.deleted", "story.published", "story.updated.minor"]) },
    });
    const created = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    await expectAppError(transitionArticle(editor, { id: created.id, version: created.version + 5, to: "PUBLISHED" }), "conflict");
    const data = await getDeskStoryOrThrow(editor, created.id);
    const key = await db.apiKey.create({
      data: { name: "k", userId: editor.id, scope: "READ_WRITE", prefix: "dl_x", tokenHash: crypto.randomUUID() },
    });
    const saved = await runAsApiKey(key.id, () =>
      updateArticle(editor, { ...data.fields, dek: "Saved by a program.", id: created.id, version: created.version }),
    );
    expect(await db.webhookDelivery.count()).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "article.update" } });
    expect(audit).toMatchObject({ actorId: editor.id, data: { apiKeyId: key.id } });
    // Only a story that never ran can be deleted: its headline is not news for anyone outside.
    await deleteArticle(editor, { id: created.id, version: saved.version });
    expect(await db.webhookDelivery.count()).toBe(0);
    const live = await publishedStory();
    await updateArticle(editor, {
      ...(await getDeskStoryOrThrow(editor, live.id)).fields,
      dek: "A minor fix.",
      id: live.id,
      version: live.version,
      materialUpdate: false,
    });
    expect((await db.webhookDelivery.findMany({ orderBy: { webhook: { name: "asc" } } })).map((d) => d.event)).toEqual([
      "story.published",
      "story.updated.minor",
      "story.published",
      "story.updated.minor",
    ]);
  });

  it("does not follow a receiver's redirect, and says so with the address it pointed to", async () => {
    await createWebhook(admin, { name: "Moved", url, events: ["story.published"] });
    answers = [307];
    await publishedStory();
    await drain(1);
    const attempt = await db.webhookAttempt.findFirstOrThrow({ where: { delivery: { webhook: { name: "Moved" } } } });
    expect(attempt.statusCode).toBe(307);
    expect(attempt.error).toBe(
      "The receiver answered 307, a redirect to https://moved.example/hook: webhooks are not sent on to another address, so give the webhook its final address.",
    );
    expect(received).toHaveLength(1);
  });

  it("does not send a delivery of an event no longer offered that an older version queued, and will not send it again", async () => {
    const hook = await createWebhook(admin, { name: "Old queue", url, events: ["story.published"] });
    const now = new Date();
    const old = await db.webhookDelivery.create({
      data: {
        webhookId: hook.id,
        event: "story.deleted",
        queueKey: "story:old-queue",
        body: JSON.stringify({ event: "story.deleted", story: { headline: "Never ran" } }),
        createdAt: now,
        nextAttemptAt: now,
      },
    });
    await db.job.create({ data: { kind: WEBHOOK_JOB, key: old.id, runAt: now, payload: "{}" } });
    await drain();
    expect(received).toHaveLength(0);
    const after = await db.webhookDelivery.findUniqueOrThrow({ where: { id: old.id }, include: { attemptLog: true } });
    expect(after.status).toBe("FAILED");
    expect(after.attemptLog.map((a) => a.error)).toEqual(["Not sent: Dateline no longer sends this event."]);
    await expectAppError(resendDelivery(admin, { deliveryId: old.id }), "invalid");
  });

  it("announces a photo's new details as photo.updated, with the photo's API address, while a live story shows it", async () => {
    const hook = await createWebhook(admin, { name: "Photos", url, events: ["photo.updated"] });
    const photo = await createImage(editor, await makePhoto("jpeg", 320, 240, 123), { altText: "A field", credit: "A. Photographer" });
    // On no live story the photo is not public (the photo API answers 404): nothing is announced.
    await updateImageMetadata(editor, updateImageSchema.parse({ id: photo.id, altText: "A field at dawn", credit: "A. Photographer" }));
    const created = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, { hero: { imageId: photo.id } }));
    await updateImageMetadata(editor, updateImageSchema.parse({ id: photo.id, altText: "A field at noon", credit: "A. Photographer" }));
    expect(await db.webhookDelivery.count()).toBe(0);
    await transitionArticle(editor, { id: created.id, version: created.version, to: "PUBLISHED" });
    await updateImageMetadata(editor, updateImageSchema.parse({ id: photo.id, altText: "A flooded field", credit: "A. Photographer" }));
    await drain();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      event: "photo.updated",
      photo: { id: photo.id, apiUrl: expect.stringContaining(`/api/v1/photos/${photo.id}`) },
    });
    expect(verify(hook.secret, received[0]!)).toBe(true);
  });

  it("records nothing and retries nothing when the webhook is removed while a delivery is under way (it failed on a foreign key)", async () => {
    const hook = await createWebhook(admin, { name: "Hanging", url, events: ["story.published"] });
    let release = () => {};
    hold = new Promise<void>((resolve) => (release = resolve));
    try {
      await publishedStory();
      const running = drain(1);
      await expect.poll(() => received.length).toBe(1);
      await deleteWebhook(admin, { id: hook.id });
      release();
      await running;
    } finally {
      hold = null;
      release();
    }
    const job = await db.job.findFirstOrThrow({ where: { kind: WEBHOOK_JOB }, orderBy: { createdAt: "desc" } });
    expect(job).toMatchObject({ lastError: null, doneAt: expect.any(Date) });
  });

  it("refuses webhooks from non-admins, and URLs that are not http(s)", async () => {
    await expectAppError(createWebhook(editor, { name: "x", url, events: ["story.published"] }), "forbidden");
    await expectAppError(createWebhook(admin, { name: "x", url: "javascript:alert(1)", events: ["story.published"] }), "invalid");
    await expectAppError(createWebhook(admin, { name: "x", url, events: [] }), "invalid");
    expect(await db.webhook.count()).toBe(0);
  });

  it("refuses, at the URL field, an address its deliveries could never reach: a private host not allowed, or a user name and password", async () => {
    const urlField = async (target: string) =>
      (await expectAppError(createWebhook(admin, { name: "x", url: target, events: ["story.published"] }), "invalid")).fieldErrors?.url;
    expect(await urlField("http://10.1.2.3/hook")).toEqual([
      "10.1.2.3 is a private, loopback, link-local or reserved address. An admin can allow it, with its port if not 80 or 443, under “Hosts on private networks” on the Webhooks screen.",
    ]);
    expect(await urlField("http://[::ffff:169.254.169.254]/latest")).toEqual([
      expect.stringContaining("carries the private, loopback or reserved address 169.254.169.254"),
    ]);
    const withPassword = url.replace("http://", "http://hooks:s3cret@");
    expect(await urlField(withPassword)).toEqual(["Leave the user name and password out of the address: Dateline does not send them."]);
    expect(await db.webhook.count()).toBe(0);
    // A host that does not resolve today is kept: it may by the time an event is due.
    await expect(
      createWebhook(admin, { name: "Later", url: "https://hooks.not-yet.invalid/in", events: ["story.published"] }),
    ).resolves.toMatchObject({
      name: "Later",
    });
  });
});
