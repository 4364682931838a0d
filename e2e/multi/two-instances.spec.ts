import { execFile, execFileSync, spawnSync, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, E2E_ENV, E2E_PORT, PASSWORD } from "../env";
import { startOwnServer, stopServer, waitForHealth } from "../own-server";
import { findPgBin, startPgCluster, type PgCluster } from "../../lib/test/pg-cluster";
import { makePhoto, withIptc } from "../../lib/test/images";
import { startTestBucket, TEST_BUCKET_KEY, type TestBucket } from "../../lib/test/test-bucket";
import { BucketStore } from "../../lib/media/bucket-store";
import { publishFromEditor } from "../fixtures";

// Several instances on one PostgreSQL (issue 16): two Dateline servers (E2E_PORT+3 and +4) on a
// PostgreSQL cluster of the test's own and one S3-compatible bucket (s3rver), a real Varnish
// (E2E_PORT+5) in front of both (deploy/varnish/instances.vcl, round robin with health probes): the
// shape of a newsroom that outgrew one machine. Both
// purge Varnish and both run the scheduler. A change made through either must show through Varnish
// and directly on the other (its caches are expired through LISTEN/NOTIFY), a photo uploaded through
// one is served by the other from the bucket, a scheduled story must go live once, and signing out
// through one must end the session on both.

const VARNISHD = ["/usr/sbin/varnishd", "/usr/bin/varnishd"].find((file) => fs.existsSync(file));
const A = `http://localhost:${E2E_PORT + 3}`;
const B = `http://localhost:${E2E_PORT + 4}`;
const VARNISH_PORT = E2E_PORT + 5;
const VARNISH = `http://127.0.0.1:${VARNISH_PORT}`;

test.skip(!VARNISHD || !findPgBin(), "needs PostgreSQL (apt-get install -y postgresql) and Varnish (varnish varnish-modules)");
test.describe.configure({ mode: "serial" });

let dir = "";
let cluster: PgCluster | null = null;
let databaseUrl = "";
const servers: ChildProcess[] = [];
let varnishPid = "";
let bucket: TestBucket | null = null;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-two-"));
  fs.chmodSync(dir, 0o755);
  bucket = await startTestBucket();
  cluster = await startPgCluster();
  cluster.createDatabase("dateline");
  databaseUrl = cluster.url("dateline");
  const env = {
    ...process.env,
    ...E2E_ENV,
    DATABASE_URL: databaseUrl,
    DATELINE_MEDIA_DIR: path.join(dir, "media"),
    // The demo photos the seed adds go to the bucket too.
    ...bucket.env,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
  // Not execFileSync: the seed stores its photos in the bucket, which answers from this very process.
  const run = (args: string[], extra: Record<string, string> = {}) => promisify(execFile)("npx", args, { env: { ...env, ...extra } });
  await run(["prisma", "migrate", "deploy"]);
  await run(["tsx", "prisma/seed.ts"]);
  await run(["tsx", "scripts/user-create.ts", "--email", ACCOUNTS.editor.email, "--role", "EDITOR", "--name", "E2E editor"], {
    DATELINE_NEW_USER_PASSWORD: PASSWORD,
  });

  // The shipped files with the instances' addresses rewritten: default.vcl's backend is A, instances.vcl's second one B.
  const shipped = (file: string, port: number) =>
    fs
      .readFileSync(`deploy/varnish/${file}`, "utf8")
      .replace(/\.host = "[^"]+";/, '.host = "127.0.0.1";')
      .replace(/\.port = "\d+";/, `.port = "${port}";`);
  fs.writeFileSync(path.join(dir, "default.vcl"), shipped("default.vcl", E2E_PORT + 3), { mode: 0o644 });
  fs.writeFileSync(path.join(dir, "instances.vcl"), shipped("instances.vcl", E2E_PORT + 4), { mode: 0o644 });
  const pidFile = path.join(dir, "varnishd.pid");
  const started = spawnSync(
    VARNISHD!,
    [
      "-n",
      path.join(dir, "work"),
      "-a",
      `127.0.0.1:${VARNISH_PORT}`,
      "-f",
      path.join(dir, "instances.vcl"),
      "-s",
      "malloc,64m",
      "-P",
      pidFile,
    ],
    { encoding: "utf8" },
  );
  if (started.status !== 0) throw new Error(`varnishd did not start: ${started.stderr}${started.stdout}`);
  varnishPid = fs.readFileSync(pidFile, "utf8").trim();

  for (const port of [E2E_PORT + 3, E2E_PORT + 4]) {
    servers.push(
      startOwnServer({
        dir: path.relative(process.cwd(), dir),
        port,
        env: {
          DATABASE_URL: databaseUrl,
          DATELINE_MEDIA_DIR: path.join(dir, "media"),
          ...bucket.env,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
          DATELINE_PURGE_VARNISH: VARNISH,
          // Both instances run the scheduler: the job lease must let only one publish a story.
          DATELINE_SCHEDULER_INTERVAL: "1",
        },
      }),
    );
  }
  await Promise.all([waitForHealth(A, servers[0]!, 120_000, "instance A"), waitForHealth(B, servers[1]!, 120_000, "instance B")]);
  await expect.poll(async () => (await fetch(`${VARNISH}/robots.txt`).catch(() => null))?.status, { timeout: 10_000 }).toBe(200);
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => stopServer(server, "SIGTERM")));
  if (varnishPid) {
    try {
      process.kill(Number(varnishPid), "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  cluster?.stop();
  await bucket?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const text = async (url: string) => (await fetch(url, { redirect: "manual" })).text();

async function signIn(page: import("@playwright/test").Page, base: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(ACCOUNTS.editor.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS.editor.email);
}

test("a story published through one instance shows through Varnish and directly on the other", async ({ page }) => {
  test.setTimeout(120_000);
  // Both caches hold the section page first: Varnish's copy (fetched from either instance) and A's own.
  await expect.poll(async () => (await fetch(`${VARNISH}/climate`)).headers.get("x-cache"), { timeout: 10_000 }).toBe("HIT");
  await text(`${A}/climate`);

  await signIn(page, B);
  const headline = `Two instances ${Math.random().toString(36).slice(2, 8)}`;
  await page.goto(`${B}/admin/articles/new`);
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Section").selectOption({ label: "Climate" });
  await page.getByLabel("Add a byline").selectOption({ label: "Maria Okonkwo" });
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.type("“The water came in overnight,” a resident said.");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
  await publishFromEditor(page);
  await expect(page.getByRole("heading", { name: /Status: Published/ })).toBeVisible();
  const published = performance.now();

  const seen = await Promise.all(
    [`${VARNISH}/climate`, `${A}/climate`, `${VARNISH}/`, `${A}/`].map(async (url) => {
      await expect.poll(() => text(url), { message: url, timeout: 5_000, intervals: [50] }).toContain(headline);
      return performance.now() - published;
    }),
  );
  console.log(`Two instances: the publish through B showed through Varnish and on A within ${Math.round(Math.max(...seen))} ms.`);
  await page.screenshot({ path: "test-results/two-instances-published.png", fullPage: true });
});

test("a photo uploaded through one instance is kept in the bucket and served by the other and through Varnish", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const file = path.join(dir, `harbour-${tag}.jpg`);
  fs.writeFileSync(
    file,
    withIptc(await makePhoto("jpeg", 1800, 1200, 23), { 80: "Roman Pilipey", 110: "Getty Images", 120: `Boats at the harbour ${tag}.` }),
  );
  await signIn(page, B);
  await page.goto(`${B}/admin/media`);
  await page.getByLabel("Choose photos").setInputFiles(file);
  await page.getByRole("link", { name: "Uploaded: check the credit and add alt text" }).click();
  await expect(page.getByLabel("Photographer")).toHaveValue("Roman Pilipey");
  await page.getByLabel(/^Alt text/).fill("Fishing boats moored in a harbour at dusk.");
  await page.getByRole("button", { name: "Confirm and save details" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const src = (await page.locator("main img").first().getAttribute("src"))!;
  const key = /\/media\/([a-f0-9]{64}-w\d+\.\w+)$/.exec(src)?.[1];
  expect(key, src).toBeTruthy();

  // The bucket holds it; neither instance wrote it to its own disk.
  const store = new BucketStore({
    bucket: bucket!.bucket,
    endpoint: bucket!.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: TEST_BUCKET_KEY,
  });
  const object = (await store.get(key!))!;
  expect(object).toBeTruthy();
  expect(fs.existsSync(path.join(dir, "media")) ? fs.readdirSync(path.join(dir, "media"), { recursive: true }) : []).toEqual([]);
  // Instance A (which never saw the upload) serves the bucket's bytes, and so does Varnish in front of both.
  for (const url of [`${A}/media/${key}`, `${VARNISH}/media/${key}`]) {
    const served = await fetch(url);
    expect(served.status, url).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(object), url).toBe(true);
  }
});

test("a scheduled story goes live once, with both instances' schedulers running", async () => {
  test.setTimeout(90_000);
  const helper = (...args: string[]) =>
    JSON.parse(
      execFileSync("npx", ["tsx", "e2e/multi/newsroom-helper.ts", ...args], {
        encoding: "utf8",
        env: { ...process.env, ...E2E_ENV, DATABASE_URL: databaseUrl, DATELINE_LOG_LEVEL: "error" },
      }),
    ) as Record<string, unknown>;
  const story = helper("schedule", "4") as { id: string; slug: string };
  for (const base of [A, B]) {
    await expect
      .poll(async () => (await fetch(`${base}/climate/${story.slug}`)).status, { message: base, timeout: 30_000, intervals: [250] })
      .toBe(200);
  }
  // Both schedulers run every second; give them several more chances to publish it again.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(helper("published", story.id)).toEqual({ audits: 1, revisions: 1 });
});

test("signing out through one instance ends the session on both", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, A);
  // Cookies belong to the host, not the port: the same session reaches both instances.
  const session = await context.storageState();
  for (const base of [A, B]) {
    await page.goto(`${base}/admin`);
    await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS.editor.email);
  }
  await page.goto(`${B}/admin`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // The copy of the session cookie taken before signing out is refused by both.
  const stolen = await browser.newContext({ storageState: session });
  const replay = await stolen.newPage();
  for (const base of [A, B]) {
    await replay.goto(`${base}/admin`);
    await expect(replay, base).toHaveURL(/\/login/);
  }
  await stolen.close();
  await context.close();
});

test("Varnish stops sending readers to an instance that is down and serves them from the other", async () => {
  test.setTimeout(90_000);
  // Addresses Varnish has not kept (each query string is its own object), so every one is a fetch.
  let n = 0;
  const misses = async () =>
    Promise.all(Array.from({ length: 8 }, () => fetch(`${VARNISH}/climate?probe=${++n}`).then((response) => response.status)));
  // Both instances take fetches while both are up.
  expect(await misses()).toEqual(Array(8).fill(200));
  await stopServer(servers[1]!, "SIGTERM");
  // Round robin alone would keep sending every other miss to B (503 for ever); the health probe
  // takes B out within about 9 s.
  await expect.poll(misses, { timeout: 30_000, intervals: [1_000] }).toEqual(Array(8).fill(200));
  const backends = execFileSync("varnishadm", ["-n", path.join(dir, "work"), "backend.list"], { encoding: "utf8" });
  expect(backends).toMatch(/second\s+probe\s+\d+\/\d+\s+sick/i);
});
