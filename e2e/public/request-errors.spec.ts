import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import Database from "better-sqlite3";
import { ACCOUNTS, E2E_PORT, PASSWORD } from "../env";
import { expect, newContext, test } from "../fixtures";
import { copyE2eDatabase, startOwnServer, stopServer, waitForHealth } from "../own-server";

// What an operator reads when a page fails: one log line that names the request (its X-Request-Id),
// the route and the error, not only Next.js's many lines of text with nothing to tie them to it.
// A production server of its own, on a copy of the e2e database that then loses a table.

const PORT = E2E_PORT + 10;
const URL = `http://localhost:${PORT}`;
const DIR = "data/e2e-request-errors";

let server: ChildProcess;
let stderr = "";
let stdout = "";

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await copyE2eDatabase(DIR);
  server = startOwnServer({ dir: DIR, port: PORT, env: { DATELINE_LOG_LEVEL: "info" }, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await waitForHealth(URL, server, 60_000, "the server");
});

test.afterAll(async () => {
  if (server) await stopServer(server, "SIGKILL");
  fs.rmSync(DIR, { recursive: true, force: true });
});

/** The server's JSON log lines (Next.js's own text is not JSON). */
const logLines = () =>
  `${stderr}\n${stdout}`.split("\n").flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });

test("a reader who leaves before the page is rendered is logged, as nginx logs a 499", async () => {
  // Asked through the front cache (a miss: asked of Next on the server's private socket), then gone.
  const socket = net.connect(PORT, "127.0.0.1");
  await new Promise<void>((resolve) => socket.once("connect", resolve));
  socket.end("GET /politics HTTP/1.1\r\nHost: localhost\r\n\r\n");
  await expect
    .poll(() => logLines().find((l) => l.msg === "request" && l.path === "/politics" && l.unfinished === "before its headers"))
    .toMatchObject({ level: "info", method: "GET" });
  // Nobody was there to get a 502: the front cache says nothing of a request its reader stopped.
  expect(logLines().some((l) => l.msg === "The front cache's request to Next.js failed")).toBe(false);
});

test("a page that fails is logged as one line with its request id, its route and the error, and shows the reader its reference", async ({
  request,
  page,
}) => {
  // An operator's restore that lost the stories' table: every read of stories fails.
  const db = new Database(`${DIR}/dateline.db`);
  db.exec('ALTER TABLE "Article" RENAME TO "ArticleLost"');
  db.close();

  const response = await request.get(`${URL}/search?q=harrow+${Date.now()}`);
  expect(response.status()).toBe(500);
  const requestId = response.headers()["x-request-id"];
  expect(requestId).toBeTruthy();

  await expect.poll(() => logLines().find((line) => line.msg === "request failed" && line.requestId === requestId)).toBeTruthy();
  const line = logLines().find((l) => l.msg === "request failed" && l.requestId === requestId)!;
  expect(line).toMatchObject({ level: "error", method: "GET", path: "/search", route: "/search", routeType: "render" });
  expect(String(line.error)).toContain("Article");
  expect(String(line.stack)).toContain("\n    at ");
  // The address without its query: what a reader searched for is theirs.
  expect(JSON.stringify(line)).not.toContain("harrow");
  // The access log's line for the same request carries the same id.
  // (Written when the response has finished, which may be after the client has read it.)
  await expect.poll(() => logLines().some((l) => l.msg === "request" && l.requestId === requestId && l.status === 500)).toBe(true);

  // The reader's error page names the digest the log line has: what they pass on, and what the operator looks for.
  const shown = await page.goto(`${URL}/search?q=tide+${Date.now()}`);
  expect(shown?.status()).toBe(500);
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  const reference = (await page.locator("main code").textContent())!;
  expect(reference).toMatch(/^\d+$/);
  await expect.poll(() => logLines().some((l) => l.msg === "request failed" && l.digest === reference)).toBe(true);
  // Inside the site's masthead and footer: the reader can go on to another page.
  await expect(page.getByRole("banner").getByRole("link", { name: "Search" })).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("navigation", { name: "Site index" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("error-reference.png") });
});

test("a desk page that fails keeps the desk's menu, with the reference to pass on", async ({ browser }) => {
  // The stories' table is lost (the test above): the desk's list of stories cannot be read.
  const db = new Database(`${DIR}/dateline.db`);
  const lost = db.prepare("SELECT name FROM sqlite_master WHERE name = 'ArticleLost'").get();
  if (!lost) db.exec('ALTER TABLE "Article" RENAME TO "ArticleLost"');
  db.close();

  const context = await newContext(browser, { baseURL: URL });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(ACCOUNTS.admin.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  await expect(page.locator("main code")).toHaveText(/^\d+$/);
  // The desk's menu is still there, with who is signed in: another desk page is one click away.
  const menu = page.getByRole("navigation", { name: "Admin" });
  await expect(menu.getByRole("link", { name: "Photos" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS.admin.email);
  await page.screenshot({ path: test.info().outputPath("desk-error.png") });

  // The table is back (the operator mended it): "Try again" asks the server again, and the list is there.
  const mended = new Database(`${DIR}/dateline.db`);
  mended.exec('ALTER TABLE "ArticleLost" RENAME TO "Article"');
  mended.close();
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Stories", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
  await context.close();
});
