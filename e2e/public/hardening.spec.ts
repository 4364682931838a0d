import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { E2E_ENV, E2E_PORT, E2E_URL } from "../env";
import { expect, test } from "../fixtures";
import { copyE2eDatabase, startOwnServer, stopServer, waitForHealth } from "../own-server";
import { serverActionsInBuild } from "../server-actions";

// The production server's answers to a hostile reader (security probe of 2026-12-01), over HTTP:
// HSTS on every response of an https site whatever the build said, invented addresses answered
// 404 without filling any cache, undecodable paths and deeply nested Server Action bodies
// answered 4xx, and Accept-Encoding read with its q-values. The https server is a production
// server of its own (the e2e build was made for an http address), on a copy of the e2e database.

const WIRE = "/climate/the-sea-has-already-decided-harrow-point-votes-to-move-inland";
const HSTS = "max-age=31536000; includeSubDomains";
const PORT = E2E_PORT + 3;
const URL = `http://localhost:${PORT}`;
const DIR = "data/e2e-https";

let server: ChildProcess;
/** What the https server wrote to stderr (its errors, and Next's warnings). */
let serverErrors = "";

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await copyE2eDatabase(DIR);
  // The address readers use; this server still listens on plain http behind it.
  // A heap of 192 MB: a cache that kept something for every invented address would run out of it.
  server = startOwnServer({
    dir: DIR,
    port: PORT,
    env: { DATELINE_SITE_URL: "https://news.example.test" },
    nodeArgs: ["--max-old-space-size=192"],
  });
  server.stderr?.on("data", (chunk: Buffer) => (serverErrors += chunk.toString()));
  await waitForHealth(URL, server, 60_000, "the https server");
});

test.afterAll(async () => {
  if (server) await stopServer(server, "SIGKILL");
  fs.rmSync(DIR, { recursive: true, force: true });
});

async function untilFrontCacheHit(request: APIRequestContext, url: string, headers: Record<string, string> = {}) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await request.get(url, { headers, maxRedirects: 0 });
    if (response.headers()["x-dateline-cache"] === "HIT") return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} was never served from the front cache`);
}

/** Resident memory of the https server, in MB. */
const residentMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, "utf8"))![1]) / 1024;

test("an https site sends HSTS on every kind of response, whatever the build said", async ({ request }) => {
  const login = await request.get(`${URL}/login`);
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(await login.text())![1]!;
  const stylesheet = /<link rel="stylesheet" href="([^"]+\.css)"/.exec(await (await request.get(`${URL}${WIRE}`)).text())![1]!;
  const front = await untilFrontCacheHit(request, `${URL}/`);
  const responses = {
    "front page (Next)": await request.get(`${URL}/politics`),
    "front-cache hit": front,
    "front-cache 304": await request.get(`${URL}/`, { headers: { "if-none-match": front.headers()["etag"]! } }),
    "article page": await request.get(`${URL}${WIRE}`),
    "sign-in page": login,
    "redirect to sign-in": await request.get(`${URL}/admin`, { maxRedirects: 0 }),
    "404 of an invented section": await request.get(`${URL}/no-such-section`),
    "404 of an invented story": await request.get(`${URL}/politics/no-such-story`),
    "404 of Next": await request.get(`${URL}/a/b/c/d`),
    "static script": await request.get(`${URL}${script}`),
    stylesheet: await request.get(`${URL}${stylesheet}`),
    "route handler": await request.get(`${URL}/api/health`),
    feed: await request.get(`${URL}/feed.xml`),
    "robots.txt": await request.get(`${URL}/robots.txt`),
    "refused cross-site post": await request.post(`${URL}/api/media`, { headers: { Origin: "https://evil.example" }, data: "x" }),
    "undecodable path": await request.get(`${URL}/%E0%A4%A`),
  };
  expect(responses["front-cache 304"].status()).toBe(304);
  expect(responses["redirect to sign-in"].status()).toBe(307);
  expect(responses["static script"].status()).toBe(200);
  for (const [kind, response] of Object.entries(responses)) expect(response.headers()["strict-transport-security"], kind).toBe(HSTS);

  // The plain-http end-to-end server sends none.
  expect((await request.get(`${E2E_URL}/login`)).headers()["strict-transport-security"]).toBeUndefined();
});

test("plain next start (no front server) also sends HSTS on an https site's pages and refuses deeply nested action bodies", async ({
  request,
}) => {
  test.setTimeout(90_000);
  const port = E2E_PORT + 4;
  // Next itself, as an operator without npm start would run it, on the https server's copy of the database.
  const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      ...E2E_ENV,
      DATABASE_URL: `file:./${DIR}/dateline.db`,
      DATELINE_MEDIA_DIR: `./${DIR}/media`,
      DATELINE_SITE_URL: "https://news.example.test",
      DATELINE_SCHEDULER_INTERVAL: "0",
      PORT: String(port),
    },
    stdio: ["ignore", "ignore", "ignore"],
  });
  try {
    for (
      let i = 0;
      !(await fetch(`http://localhost:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    ) {
      if (i > 600 || next.exitCode !== null) throw new Error("next start did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const address of ["/", WIRE, "/politics", "/login", "/api/health", "/no-such-section"]) {
      const response = await fetch(`http://localhost:${port}${address}`, { redirect: "manual" });
      expect(response.headers.get("strict-transport-security"), address).toBe(HSTS);
    }
    // The proxy's checks hold without the front server too.
    await expectNestedActionBodiesRefused(request, `http://localhost:${port}`);
  } finally {
    next.kill("SIGKILL");
  }
});

test("invented addresses answer 404 without being cached, and a real page stays cached", async ({ request }) => {
  // Every invented address is rendered by Next (as a 404, kept by no cache): 2,700 of them take a while on 2 cores.
  test.setTimeout(180_000);
  await untilFrontCacheHit(request, `${URL}/politics`);
  const invented = (n: number) => [
    `/edition/x${n}`,
    `/tags/nonexistent-${n}`,
    `/authors/nobody-${n}`,
    `/no-such-section-${n}`,
    `/politics/p/${n + 2}`,
    `/world/story-${n}`,
    `/favicon${n}.ico`,
    `/no-such-section-${n}/feed.xml`,
    `/sitemaps/x${n}.xml`,
  ];
  // articles-0.xml asked the database for a negative offset: a 500 that shared caches were told to keep.
  for (const address of [...invented(0), "/edition/today", "/sitemaps/articles-0.xml", "/sitemaps/articles-01.xml"]) {
    for (const attempt of ["first", "again"]) {
      const response = await request.get(`${URL}${address}`);
      expect(response.status(), `${address} ${attempt}`).toBe(404);
      // Neither the front cache nor Next's page cache answered or kept it.
      expect(response.headers()["x-dateline-cache"], address).toBeUndefined();
      expect(response.headers()["x-nextjs-cache"], address).toBeUndefined();
      // Pages say so in words; feeds and sitemaps answer a plain "Not found".
      expect(await response.text(), address).toContain(address.endsWith(".xml") ? "Not found" : "Page not found");
    }
  }
  // Entries kept per invented address would fill the server's heap (192 MB, above) and stop it;
  // garbage the renders leave behind is collected. Resident memory is printed, not compared round
  // to round: it moves with the collector's timing (measured 361–547 MB over runs).
  const round = async (r: number) => {
    for (let n = r * 50 + 1; n <= r * 50 + 50; n++) await Promise.all(invented(n).map((address) => request.get(`${URL}${address}`)));
    return residentMb();
  };
  const rounds: number[] = [];
  for (let r = 0; r < 4; r++) rounds.push(await round(r));
  console.log(`[invented addresses] resident MB after each round of 450: ${rounds.map(Math.round).join(", ")}`);
  expect(server.exitCode, "the server ran out of memory").toBeNull();
  expect(Math.max(...rounds), "resident memory with a 192 MB heap, MB").toBeLessThan(700);
  // Real pages are still kept (the front cache's own lifetime may have ended the first copy meanwhile).
  await untilFrontCacheHit(request, `${URL}/politics`);
  // Real addresses still answer.
  for (const address of ["/", "/politics", "/tags/flooding", "/authors/maria-okonkwo", WIRE])
    expect((await request.get(`${URL}${address}`)).status(), address).toBe(200);
});

test("an address longer than any slug answers 404 without a lookup or a line in the log", async ({ request }) => {
  const long = "a".repeat(3000);
  const before = serverErrors.length;
  for (const address of [`/world/${long}`, `/tags/${long}`, `/authors/${long}`, `/${long}`]) {
    const response = await request.get(`${URL}${address}`);
    expect(response.status(), address.slice(0, 12)).toBe(404);
    expect(await response.text()).toContain("Page not found");
  }
  // Next logged the over-long cache tag of each lookup twice, echoing the whole address: a reader could fill the log.
  expect(serverErrors.slice(before)).toBe("");
});

test("an undecodable path and a deeply nested Server Action body answer 4xx; ordinary calls still reach the action", async ({
  request,
}) => {
  for (const address of ["/%E0%A4%A", "/politics/%E0%A4%A", "/tags/%E0%A4%A/p/2", "/%E0%A4%A/feed.xml", "/sitemaps/%E0%A4%A.xml"]) {
    const response = await request.get(`${E2E_URL}${address}`);
    expect(response.status(), address).toBe(400);
    expect(await response.text(), address).not.toMatch(/\bat \S+ \(|node_modules|\/work\//);
  }
  await expectNestedActionBodiesRefused(request, E2E_URL);
});

/**
 * A deeply nested Server Action body answers 400 before React decodes it (proxy.ts); a shallow one
 * still reaches the action, whose own sign-in check answers.
 */
async function expectNestedActionBodiesRefused(request: APIRequestContext, base: string) {
  const create = serverActionsInBuild().find((a) => a.name === "createArticleAction")!;
  const post = (data: string | Buffer, contentType = "text/plain;charset=UTF-8") =>
    request.post(`${base}/admin/articles/new`, {
      headers: { "Next-Action": create.id, Origin: base, "Content-Type": contentType, Accept: "text/x-component" },
      data,
    });
  // No session: the action's own check answers (200 with "unauthorized"), for shallow bodies.
  const shallow = await post(JSON.stringify([{ headline: "x", deep: JSON.parse("[".repeat(100) + "]".repeat(100)) }]));
  expect(shallow.status()).toBe(200);
  expect(await shallow.text()).toContain('"code":"unauthorized"');
  for (const depth of [1000, 5000, 50_000]) {
    for (const body of ["[".repeat(depth) + "]".repeat(depth), '[{"a":'.repeat(depth) + "1" + "}]".repeat(depth)]) {
      const response = await post(body);
      expect(response.status(), `depth ${depth}`).toBe(400);
      expect(await response.text()).toContain("nested too deeply");
    }
  }
  const boundary = "----dateline";
  const multipart = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n${"[".repeat(5000)}${"]".repeat(5000)}\r\n--${boundary}--\r\n`,
  );
  expect((await post(multipart, `multipart/form-data; boundary=${boundary}`)).status()).toBe(400);
}

test("Accept-Encoding is read with its q-values: gzip;q=0 gets plain bytes from the front cache", async ({ request }) => {
  await untilFrontCacheHit(request, "/politics");
  await expect
    .poll(async () => (await request.get("/politics", { headers: { "accept-encoding": "gzip" } })).headers()["content-encoding"])
    .toBe("gzip");
  for (const path of ["/politics"]) {
    for (const refusal of ["gzip;q=0", "br, gzip;q=0", "*;q=0", "identity", "gzip;q=0.5, identity"]) {
      const response = await request.get(path, { headers: { "accept-encoding": refusal } });
      expect(response.headers()["content-encoding"], `${path} ${refusal}`).toBeUndefined();
      expect(response.headers()["vary"], path).toContain("Accept-Encoding");
    }
    for (const taker of ["gzip", "br;q=1, gzip;q=0.5", "*"]) {
      expect((await request.get(path, { headers: { "accept-encoding": taker } })).headers()["content-encoding"], `${path} ${taker}`).toBe(
        "gzip",
      );
    }
  }
});
