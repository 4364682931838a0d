import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, newContext, publishFromEditor, test } from "../fixtures";
import { E2E_PORT, E2E_VARNISH_PORT } from "../env";
import { apiAs, makeStory } from "../newsroom";
import { callServerAction, serverActionsInBuild } from "../server-actions";

// A real Varnish (Debian's varnish + varnish-modules for xkey) in front of the end-to-end server,
// running deploy/varnish/default.vcl with the backend's port rewritten. The server purges it
// (DATELINE_PURGE_VARNISH in e2e/env.ts). scripts/test.sh installs Varnish when it is missing.

const VARNISHD = ["/usr/sbin/varnishd", "/usr/bin/varnishd"].find((file) => fs.existsSync(file));
const VARNISH = `http://127.0.0.1:${E2E_VARNISH_PORT}`;
const ARTICLE = "/climate/the-sea-has-already-decided-harrow-point-votes-to-move-inland";
const UNRELATED = "/politics";

let dir = "";
let pidFile = "";

test.skip(!VARNISHD, "varnishd is not installed (apt-get install -y varnish varnish-modules); the Varnish test is skipped.");

test.beforeAll(async () => {
  test.setTimeout(30_000);
  // Varnish drops root's privileges for its compiler and workers: they must be able to read the VCL.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-varnish-"));
  fs.chmodSync(dir, 0o755);
  const vcl = fs.readFileSync("deploy/varnish/default.vcl", "utf8").replace(/\.port = "\d+";/, `.port = "${E2E_PORT}";`);
  fs.writeFileSync(path.join(dir, "default.vcl"), vcl, { mode: 0o644 });
  pidFile = path.join(dir, "varnishd.pid");
  const started = spawnSync(
    VARNISHD!,
    [
      "-n",
      path.join(dir, "work"),
      "-a",
      `127.0.0.1:${E2E_VARNISH_PORT}`,
      "-f",
      path.join(dir, "default.vcl"),
      "-s",
      "malloc,64m",
      "-P",
      pidFile,
    ],
    {
      encoding: "utf8",
    },
  );
  if (started.status !== 0) throw new Error(`varnishd did not start: ${started.stderr}${started.stdout}`);
  await expect.poll(async () => (await fetch(`${VARNISH}/robots.txt`).catch(() => null))?.status, { timeout: 10_000 }).toBe(200);
  // The server purges this Varnish on every change, also while it was not running: purges of
  // earlier tests' changes may still be retried (for up to about 7.5 s: lib/cache/purge.ts). Let
  // them end before anything is cached here.
  await new Promise((resolve) => setTimeout(resolve, 8000));
});

test.afterAll(async () => {
  if (pidFile && fs.existsSync(pidFile)) {
    try {
      process.kill(Number(fs.readFileSync(pidFile, "utf8")), "SIGTERM");
    } catch {
      // already gone
    }
  }
  // The manager takes its child down with it; give them a moment before the folder goes.
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A GET through Varnish, with Varnish's verdict. */
async function viaVarnish(pathname: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${VARNISH}${pathname}`, { headers, redirect: "manual" });
  return { status: response.status, cache: response.headers.get("x-cache"), headers: response.headers, text: await response.text() };
}

/** Requests `pathname` until Varnish answers it from its cache. */
async function warm(pathname: string) {
  await expect.poll(async () => (await viaVarnish(pathname)).cache, { timeout: 5000, intervals: [100] }).toBe("HIT");
}

test("a publish through the desk purges exactly the pages that show it from Varnish; an unrelated page stays cached", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const showing = ["/", "/climate", ARTICLE, "/authors/maria-okonkwo", "/feed.xml"];
  for (const pathname of [...showing, UNRELATED]) await warm(pathname);
  const page = await viaVarnish(ARTICLE);
  expect(page.headers.get("surrogate-key")).toContain("story:the-sea-has-already-decided-harrow-point-votes-to-move-inland");
  expect(page.headers.get("surrogate-key")).toContain("section:climate");
  // Two transaction ids: this answer and the one that stored the copy.
  expect(page.headers.get("x-varnish")).toMatch(/^\d+ \d+$/);
  const unrelatedBefore = await viaVarnish(UNRELATED);

  const editor = await (await newContext(browser, { storageState: "e2e/.auth/editor.json" })).newPage();
  const headline = `Varnish check ${Math.random().toString(36).slice(2, 8)}`;
  await editor.goto("/admin/articles/new");
  await editor.getByLabel("Headline").fill(headline);
  await editor.getByLabel("Section").selectOption({ label: "Climate" });
  await editor.getByLabel("Add a byline").selectOption({ label: "Maria Okonkwo" });
  await editor.getByRole("textbox", { name: "Story body" }).click();
  await editor.keyboard.type("“The water came in overnight,” a resident said.");
  await editor.getByRole("button", { name: "Create draft" }).click();
  await expect(editor).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
  const slug = await editor.getByLabel("Slug").inputValue();
  // Saving a draft purges only its own address; the cached pages stay.
  expect((await viaVarnish("/")).cache).toBe("HIT");

  await publishFromEditor(editor);
  await expect(editor.getByRole("heading", { name: /Status: Published/ })).toBeVisible();
  const published = performance.now();
  // Every page at once, as readers would ask. The article's related stories come from its
  // section: it shows the new story too.
  const visibleAfter = await Promise.all(
    [...showing, `/climate/${slug}`].map(async (pathname) => {
      await expect
        .poll(async () => (await viaVarnish(pathname)).text, { message: pathname, timeout: 5000, intervals: [50] })
        .toContain(headline);
      return performance.now() - published;
    }),
  );
  console.log(
    `Varnish: the publish was visible on all ${visibleAfter.length} pages ${Math.round(Math.max(...visibleAfter))} ms after the desk said "Published".`,
  );
  expect(Math.max(...visibleAfter)).toBeLessThan(5000);

  // The server sends the same purge again 2 s later (lib/cache/purge.ts, REPURGE_AFTER_MS); after it too, the unrelated page is the same cached copy.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const unrelatedAfter = await viaVarnish(UNRELATED);
  expect(unrelatedAfter.cache).toBe("HIT");
  expect(unrelatedAfter.headers.get("x-varnish")?.split(" ")[1]).toBe(unrelatedBefore.headers.get("x-varnish")?.split(" ")[1]);
  expect(unrelatedAfter.text).not.toContain(headline);
  // Once refreshed, the purged pages are cached again, with the change.
  await warm("/climate");
  expect((await viaVarnish("/climate")).text).toContain(headline);
});

test("a signed-in editor's requests, the desk and missing pages go past Varnish's cache", async () => {
  const state = JSON.parse(fs.readFileSync("e2e/.auth/editor.json", "utf8")) as { cookies: { name: string; value: string }[] };
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  expect(cookie).toMatch(/next-auth\.session-token/);
  await warm("/climate");
  const editor = await viaVarnish("/climate", { cookie });
  expect(editor.status).toBe(200);
  expect(editor.cache).toBe("PASS");
  expect(editor.headers.get("x-varnish")).toMatch(/^\d+$/);
  // Another cookie (say, analytics) changes nothing for a reader.
  expect((await viaVarnish("/climate", { cookie: "_ga=GA1.1.123" })).cache).toBe("HIT");
  expect((await viaVarnish("/admin", { cookie })).cache).not.toBe("HIT");
  for (let i = 0; i < 2; i++) {
    const missing = await viaVarnish("/climate/no-such-story-here");
    expect(missing.status).toBe(404);
    expect(missing.cache).not.toBe("HIT");
  }
});

test("Varnish answers a purge from an allowed address with how many copies it dropped", async () => {
  await warm("/politics");
  const response = await fetch(`${VARNISH}/`, { method: "PURGE", headers: { "xkey-purge": "section:politics" } });
  expect(response.status).toBe(200);
  expect(response.statusText).toMatch(/^Invalidated [1-9]\d* objects$/);
  expect((await viaVarnish("/politics")).cache).toBe("MISS");
  expect((await fetch(`${VARNISH}/`, { method: "PURGE" })).status).toBe(400);
});

test("a draft link goes past Varnish every time, and once revoked it is refused at once", async () => {
  const editor = await apiAs("editor");
  const story = await makeStory(editor, "Varnish draft link probe");
  const action = (name: string) => serverActionsInBuild().find((a) => a.name === name)!;
  const created = await callServerAction(editor, `/admin/articles/${story.id}`, action("createDraftLinkAction"), {
    articleId: story.id,
    label: "Varnish probe",
    expiresLocal: new Date(Date.now() + 3_600_000).toISOString().slice(0, 16),
  });
  const link = /"id":"([^"]+)","path":"(\/draft\/[A-Za-z0-9_-]{43})"/.exec(created.body);
  expect(link, created.body.slice(0, 300)).not.toBeNull();
  for (let i = 0; i < 3; i++) {
    const seen = await viaVarnish(link![2]!);
    expect(seen.status).toBe(200);
    expect(seen.cache).toBe("PASS");
    expect(seen.headers.get("cache-control")).toBe("private, no-store");
  }
  await callServerAction(editor, `/admin/articles/${story.id}`, action("revokeDraftLinkAction"), { id: link![1] });
  const refused = await viaVarnish(link![2]!);
  expect(refused.status).toBe(404);
  expect(refused.text).not.toContain("Varnish draft link probe");
  await editor.dispose();
});
