import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { E2E_ENV, E2E_URL, storageStatePath } from "../env";
import { expect, newContext, test } from "../fixtures";

const FIXTURE = path.resolve("lib/import/wordpress/fixtures/harrow-point.wxr.xml");

/** A zip of a WordPress uploads folder, as an admin would make it (wp-content/uploads/…). */
async function uploadsZip(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wp-zip-"));
  const folder = path.join(dir, "wp-content/uploads/2026/11");
  fs.mkdirSync(folder, { recursive: true });
  const photo = (color: string) =>
    sharp({ create: { width: 1200, height: 800, channels: 3, background: color } })
      .jpeg()
      .toBuffer();
  fs.writeFileSync(path.join(folder, "harrow-point-harbour.jpg"), await photo("#335577"));
  fs.writeFileSync(path.join(folder, "quay.jpg"), await photo("#775533"));
  execFileSync("zip", ["-qr", "uploads.zip", "wp-content"], { cwd: dir });
  return path.join(dir, "uploads.zip");
}

/**
 * An export of `posts` short drafts (the fixture's site, bylines and terms, as long.example): long
 * enough to take the import a while, so that it can be cancelled while it runs. The first has no
 * title: the report's "To check" lists it from the start.
 */
function longExport(posts: number): string {
  const fixture = fs.readFileSync(FIXTURE, "utf8").replaceAll("harrow.example", "long.example");
  const head = fixture.slice(0, fixture.indexOf("<item>"));
  const items = Array.from(
    { length: posts },
    (_, n) => `<item>
		<title><![CDATA[${n ? `Long archive post ${n + 1}` : ""}]]></title>
		<link>https://long.example/?p=${5000 + n}</link>
		<dc:creator><![CDATA[rmarsh]]></dc:creator>
		<guid isPermaLink="false">https://long.example/?p=${5000 + n}</guid>
		<content:encoded><![CDATA[<p>Paragraph ${n + 1} of an old archive.</p>]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>${5000 + n}</wp:post_id>
		<wp:post_date_gmt><![CDATA[2001-01-01 09:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[long-archive-post-${n + 1}]]></wp:post_name>
		<wp:status><![CDATA[draft]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>`,
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "long-archive.xml");
  fs.writeFileSync(file, `${head}${items.join("\n")}\n</channel>\n</rss>\n`);
  return file;
}

/**
 * The long export's posts: the import goes through a few hundred a second here, so that it is
 * still running a minute after it starts (2,000 were all imported before a look at its report so
 * far had been made).
 */
const LONG = 20_000;

test.describe("WordPress import", () => {
  test("an admin uploads a WXR file and its photos, sees the report, and the old addresses answer 308", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await newContext(browser, { storageState: storageStatePath("admin") });
    const page = await context.newPage();
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Import" }).click();
    await expect(page.getByRole("heading", { name: "Import from WordPress" })).toBeVisible();
    const form = page.getByRole("form", { name: "WordPress import" });

    // Without a file: said at the field.
    await form.getByRole("button", { name: "Import", exact: true }).click();
    await expect(form.getByText("Choose the WordPress export file (WXR, .xml).")).toBeVisible();

    // A file that is not an export: refused with a sentence, nothing started.
    const notExport = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "notes.xml");
    fs.writeFileSync(notExport, "<notes><note>hello</note></notes>");
    await form.getByLabel("WordPress export (WXR)").setInputFiles(notExport);
    await form.getByRole("button", { name: "Import", exact: true }).click();
    await expect(form.getByText(/This file is not a WordPress export \(WXR\)/)).toBeVisible();

    await form.getByLabel("WordPress export (WXR)").setInputFiles(FIXTURE);
    await form.getByLabel("Uploads folder, zipped (optional)").setInputFiles(await uploadsZip());
    await form.getByRole("button", { name: "Import", exact: true }).click();
    const report = page.getByRole("region", { name: "Report: https://harrow.example" });
    await expect(report).toBeVisible({ timeout: 90_000 });
    const stories = report.getByRole("row", { name: /^Stories/ });
    await expect(stories.getByRole("cell").nth(0)).toHaveText("8");
    await expect(
      report
        .getByRole("row", { name: /^Photos/ })
        .getByRole("cell")
        .nth(0),
    ).toHaveText("2");
    // A post that cannot go live here is kept as a draft that says what it needs (it was skipped).
    await expect(
      report.getByText("“Empty post”: It was “publish” in WordPress but cannot go live here until it has a body. It is a draft here."),
    ).toBeVisible();
    await expect(report.getByText(/Dateline has no pages/)).toBeVisible();
    await page.screenshot({ path: "test-results/screens/wordpress-import.png", fullPage: true });
    // The run has ended: its export and its photos' zip are not kept on the server's disk (nor is
    // the refused file's run above).
    const importDir = E2E_ENV.DATELINE_IMPORT_DIR;
    expect(fs.existsSync(importDir) ? fs.readdirSync(importDir) : []).toEqual([]);

    // The imported story is live with its credited photo, at its new address.
    const reader = await browser.newPage();
    await reader.goto("/coast/the-sea-has-already-decided");
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(
      "Harrow Point’s council votes to move inland: “The sea has already decided”",
    );
    await expect(reader.getByText("Elena Marsh/Northern Wire Photo").first()).toBeVisible();

    // Old WordPress addresses answer 308 to the new ones; a live page always wins.
    const api = reader.request;
    const expectMoved = async (from: string, to: string) => {
      let address = from;
      if (from.length > 1 && from.endsWith("/")) {
        // Next.js answers a trailing slash first (308 to the address without it); that one then forwards.
        const slash = await api.get(from, { maxRedirects: 0 });
        expect(slash.status(), from).toBe(308);
        address = new URL(slash.headers().location!, E2E_URL).pathname;
        expect(address, from).toBe(from.slice(0, -1));
      }
      const response = await api.get(address, { maxRedirects: 0 });
      expect(response.status(), address).toBe(308);
      expect(new URL(response.headers().location!, E2E_URL).pathname, address).toBe(to);
    };
    await expectMoved("/2026/11/25/the-sea-has-already-decided/", "/coast/the-sea-has-already-decided");
    await expectMoved("/?p=100", "/coast/the-sea-has-already-decided");
    await expectMoved("/?feed=rss2", "/feed.xml");
    await expectMoved("/index.php?feed=atom", "/feed.xml");
    await expectMoved("/2026/11/25/the-sea-has-already-decided/harrow-point-harbour/", "/coast/the-sea-has-already-decided");
    await expectMoved("/category/coast/harbour/", "/tags/harbour");
    await expectMoved("/category/news/", "/news-section");
    await expectMoved("/tag/flooding/", "/tags/flooding");
    await expectMoved("/author/rmarsh/", "/authors/rmarsh");
    // A photo's file, and WordPress's smaller copy of it, lead to the photo as readers get it.
    for (const file of [
      "/wp-content/uploads/2026/11/harrow-point-harbour.jpg",
      "/wp-content/uploads/2026/11/harrow-point-harbour-300x200.jpg",
    ]) {
      const moved = await api.get(file, { maxRedirects: 0 });
      expect(moved.status(), file).toBe(308);
      expect(moved.headers().location, file).toMatch(/^\/media\/[a-f0-9]{64}-w\d+\.jpg$/);
      const photo = await api.get(moved.headers().location!);
      expect(photo.headers()["content-type"], file).toBe("image/jpeg");
    }
    expect((await api.get("/coast", { maxRedirects: 0 })).status()).toBe(200);
    expect((await api.get("/", { maxRedirects: 0 })).status()).toBe(200);
    expect((await api.get("/2026/11/25/never-was", { maxRedirects: 0 })).status()).toBe(404);
    // A draft's old address does not lead to it.
    expect((await api.get("/2026/11/26/clinic-moves-first", { maxRedirects: 0 })).status()).toBe(404);
    await context.close();
  });

  test("an admin cancels a running import from the page: it stops, keeps what it imported, and its report says who cancelled it after how many posts", async ({
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const context = await newContext(browser, { storageState: storageStatePath("admin") });
    const page = await context.newPage();
    await page.goto("/admin/import");
    const form = page.getByRole("form", { name: "WordPress import" });
    await form.getByLabel("WordPress export (WXR)").setInputFiles(longExport(LONG));
    await form.getByRole("button", { name: "Import", exact: true }).click();
    const cancel = form.getByRole("button", { name: /^Cancel import/ });
    await expect(cancel).toBeVisible({ timeout: 30_000 });
    // A failure below leaves no 20,000-post import running under the specs after this one.
    try {
      // How far it is, said once: in the status line, not in the button as well.
      await expect(form.getByText(/items done…$/)).toHaveCount(1);
      await expect(form.getByRole("status")).toHaveText(/^Importing: \d+ items done…$/);
      await expect(form.getByRole("button", { name: "Importing…" })).toBeDisabled();
      await page.screenshot({ path: testInfo.outputPath("import-running.png"), fullPage: true });
      // While it runs, its report so far is in the list, with what to check from its first post on.
      // (The export is read through once before its first post, whose warning comes after: looked at again until it is there.)
      const list = await context.newPage();
      const soFarLink = list
        .getByRole("row", { name: /long-archive\.xml/ })
        .first()
        .getByRole("link", { name: "Show the report so far" });
      await expect(async () => {
        await list.goto("/admin/import");
        await expect(soFarLink).toBeVisible({ timeout: 5000 });
      }).toPass({ timeout: 60_000 });
      const address = (await soFarLink.getAttribute("href"))!;
      const sofar = list.getByRole("region", { name: "Report: https://long.example" });
      await expect(async () => {
        await list.goto(address);
        await expect(sofar.getByRole("note")).toHaveText("The import is still running: this is its report so far.", { timeout: 5000 });
        await expect(sofar.getByRole("listitem").filter({ hasText: "It has no title: its headline is its first words" })).toHaveCount(1, {
          timeout: 5000,
        });
      }).toPass({ timeout: 60_000 });
      await list.screenshot({ path: testInfo.outputPath("import-report-so-far.png"), fullPage: true });
      await list.close();
    } catch (error) {
      page.once("dialog", (dialog) => void dialog.accept());
      await cancel.click().catch(() => {});
      // Until the server has it (the context closes after the test).
      await expect(form.getByRole("status").first())
        .toHaveText(/^Cancelling/, { timeout: 10_000 })
        .catch(() => {});
      throw error;
    }
    page.once("dialog", (dialog) => void dialog.accept());
    await cancel.click();

    const report = page.getByRole("region", { name: "Report: https://long.example" });
    await expect(report).toBeVisible({ timeout: 60_000 });
    const said = report.getByRole("note");
    await expect(said).toHaveText(/^Cancelled by .+ after \d+ of 20000 posts; what was imported stays\.$/);
    // However far it got (the cancel may even reach it before it starts): lib/import/import-job.int.test.ts
    // stops one after its third post.
    const after = Number(/after (\d+) of/.exec((await said.textContent()) ?? "")![1]);
    expect(after).toBeLessThan(LONG);
    // What it imported stays: the posts it went through are drafts on the desk.
    const created = Number(
      await report
        .getByRole("row", { name: /^Stories/ })
        .getByRole("cell")
        .nth(0)
        .textContent(),
    );
    expect(created).toBe(after);
    await page.screenshot({ path: testInfo.outputPath("import-cancelled.png"), fullPage: true });
    // The list says the same, and the run is no longer one to cancel.
    await page.reload();
    const row = page.getByRole("row", { name: /long-archive\.xml/ }).first();
    await expect(row).toContainText(`after ${after} of ${LONG} posts; what was imported stays.`);
    await expect(row.getByRole("button", { name: /^Cancel import/ })).toHaveCount(0);
    await context.close();
  });

  test("an address that names two runs shows the list, not an error", async ({ browser }) => {
    const context = await newContext(browser, { storageState: storageStatePath("admin") });
    const page = await context.newPage();
    const response = await page.goto("/admin/import?run=one&run=two");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Earlier imports" })).toBeVisible();
    await context.close();
  });

  test("editors, writers and strangers cannot upload an export", async ({ playwright }) => {
    for (const role of ["editor", "writer"] as const) {
      const api = await playwright.request.newContext({
        baseURL: E2E_URL,
        storageState: storageStatePath(role),
        extraHTTPHeaders: { Origin: E2E_URL },
      });
      const response = await api.post("/api/admin/import?name=x.xml", { data: fs.readFileSync(FIXTURE) });
      expect(response.status(), role).toBe(403);
      await api.dispose();
    }
    const anonymous = await playwright.request.newContext({ baseURL: E2E_URL, extraHTTPHeaders: { Origin: E2E_URL } });
    expect((await anonymous.post("/api/admin/import?name=x.xml", { data: fs.readFileSync(FIXTURE) })).status()).toBe(401);
    await anonymous.dispose();
  });
});
