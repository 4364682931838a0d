import { E2E_PORT, storageStatePath } from "../env";
import { expect, newContext, publishFromEditor, test, unique } from "../fixtures";
import { readDatabase } from "../database";
import { apiAs, move, readStory } from "../newsroom";
import { actionOutcome, callServerAction, serverActionsInBuild } from "../server-actions";
import { bodyFromParagraphs } from "../../lib/articles/body";
import { sourcePage, startSourceServer } from "../../lib/test/source-server";

// Issue 19, end to end: an editor publishes a story with three sources that a local server plays
// (on 127.0.0.1, allowed by the server's DATELINE_SOURCE_PRIVATE_HOSTS in e2e/env.ts: the outbound
// guard refuses loopback otherwise, whatever the admins allowed for webhooks); Dateline keeps
// a copy of each; a reader sees "Archived copy, <date>" beside each source and opens a copy (plain
// text, sandboxed); one source disappears; the editor has the sources checked; the desk's "Sources
// to look at" flags it, and the reader's link now leads to the copy first.

const SOURCES_PORT = E2E_PORT + 9;

test("a story's sources are archived for readers, and a source that disappears is flagged on the desk", async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await startSourceServer(SOURCES_PORT);
  const id = unique();
  const paths = { statement: `/statement-${id}`, report: `/report-${id}`, notice: `/notice-${id}` };
  server.set(paths.statement, {
    body: sourcePage("Ferry service to resume on Tuesday", [
      "The ministry said on Monday that the ferry between the two islands would resume its service on Tuesday morning.",
      "Repairs to the pier cost two million euros, the statement said.",
    ]),
  });
  server.set(paths.report, {
    body: sourcePage("Port authority report on the storm damage", [
      "The storm of 28 November damaged the northern pier and two mooring posts.",
      "Divers inspected the foundations and found them sound. <script>alert('not from here')</script>",
    ]),
  });
  server.set(paths.notice, {
    body: sourcePage("Notice to mariners 41/2026", [
      "The northern approach to the harbour is closed to vessels over 30 metres until further notice.",
    ]),
  });
  const editor = await newContext(browser, { storageState: storageStatePath("editor") });
  const reader = await newContext(browser);
  try {
    // A story with three sources, made through the editor's own action, then published from the editor.
    const api = await apiAs("editor");
    const { section, author } = readDatabase((db) => ({
      section: db.prepare("SELECT id FROM Section WHERE slug = 'world'").pluck().get() as string,
      author: db.prepare("SELECT id FROM Author ORDER BY name LIMIT 1").pluck().get() as string,
    }));
    const slug = `ferry-sources-${id}`;
    const headline = `Ferry returns after the storm ${id}`;
    const create = serverActionsInBuild().find((a) => a.name === "createArticleAction")!;
    const created = await callServerAction(api, "/admin/articles/new", create, {
      headline,
      slug,
      dek: "The island ferry runs again on Tuesday.",
      sectionId: section,
      authorIds: [author],
      body: bodyFromParagraphs(["The ferry will run again on Tuesday, the ministry said.", "The pier was repaired."]),
      sources: [
        { url: server.url(paths.statement), title: "Ministry statement", publisher: "Ministry of Transport", kind: "STATEMENT" },
        { url: server.url(paths.report), title: "Port authority report", kind: "REPORT" },
        { url: server.url(paths.notice), title: "Notice to mariners 41/2026", archivedUrl: "https://web.archive.org/web/2026/notice" },
      ],
    });
    expect(actionOutcome(created.body), created.body.slice(0, 300)).toBe("ok");
    await api.dispose();
    const storyId = readDatabase((db) => db.prepare("SELECT id FROM Article WHERE slug = ?").pluck().get(slug)) as string;
    const desk = await editor.newPage();
    await desk.goto(`/admin/articles/${storyId}`);
    await publishFromEditor(desk);
    await expect.poll(() => readStory(storyId).version, { timeout: 15_000 }).toBeGreaterThan(1);
    await expect
      .poll(
        () =>
          readDatabase((db) =>
            db.prepare("SELECT count(*) FROM SourceCapture WHERE articleId = ? AND state = 'CAPTURED'").pluck().get(storyId),
          ),
        { timeout: 30_000 },
      )
      .toBe(3);

    // A reader sees the copies beside the sources (the story's page was refreshed when they landed).
    const story = readStory(storyId);
    const page = await reader.newPage();
    const copyLinks = page.locator("section.sources").getByRole("link", { name: /^Archived copy, \d{1,2} \w+ \d{4}$/ });
    await expect
      .poll(
        async () => {
          await page.goto(`/${story.section}/${story.slug}`);
          return copyLinks.count();
        },
        { timeout: 20_000 },
      )
      .toBe(3);
    // The archive address the editor typed stays beside Dateline's own copy.
    await expect(page.locator("section.sources").getByRole("link", { name: "Another archived copy" })).toHaveAttribute(
      "href",
      "https://web.archive.org/web/2026/notice",
    );
    await page.locator("section.sources").screenshot({ path: "test-results/source-archive-reader-sources.png" });
    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
    const citations = jsonLd.map((t) => JSON.parse(t) as { citation?: { archivedAt?: string }[] }).find((d) => d.citation)!.citation!;
    expect(citations.map((c) => c.archivedAt)).toEqual([
      expect.stringMatching(/\/archive\/\w+$/),
      expect.stringMatching(/\/archive\/\w+$/),
      expect.stringMatching(/\/archive\/\w+$/),
    ]);

    // The copy: plain text with the original address and the capture time, under a sandboxing policy.
    const reportCopy = page
      .locator("section.sources li", { hasText: "Port authority report" })
      .getByRole("link", { name: /^Archived copy/ });
    const href = (await reportCopy.getAttribute("href"))!;
    const response = (await page.goto(href))!;
    expect(response.status()).toBe(200);
    const csp = response.headers()["content-security-policy"]!;
    expect(csp).toMatch(/^sandbox; default-src 'none'; style-src 'sha256-[\w+/=]+'/);
    expect(csp).not.toMatch(/script-src|unsafe/);
    expect(response.headers()["x-robots-tag"]).toBe("noindex, noarchive");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Port authority report on the storm damage");
    await expect(page.getByText("Divers inspected the foundations and found them sound.")).toBeVisible();
    await expect(page.getByRole("link", { name: server.url(paths.report) })).toBeVisible();
    await expect(page.getByText("Captured", { exact: true })).toBeVisible();
    // Neither the source's script nor its style came along.
    expect(await page.content()).not.toMatch(/alert\(|background:red|About us/);
    await page.screenshot({ path: "test-results/source-archive-page.png", fullPage: true });

    // The notice disappears. The editor has the sources checked; after three failed checks in a row it is gone.
    server.remove(paths.notice);
    await desk.goto(`/admin/articles/${storyId}`);
    const panel = desk.getByRole("region", { name: "Archived copies and link checks" });
    await expect(panel.getByRole("link", { name: "Read the copy" })).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await panel.getByRole("button", { name: "Check sources now" }).click();
      await expect(panel.getByText(/^Checked 3 sources;/)).toBeVisible();
      await desk.reload();
    }
    const notice = panel.getByRole("listitem", { name: "Source: Notice to mariners 41/2026" });
    await expect(notice.locator(".badge", { hasText: "Gone" })).toBeVisible();
    await expect(notice).toContainText("The source answered 404. (3 checks in a row)");
    await expect(
      panel.getByRole("listitem", { name: "Source: Ministry statement" }).locator(".badge", { hasText: "Unchanged" }),
    ).toBeVisible();
    await panel.screenshot({ path: "test-results/source-archive-editor-panel.png" });

    // The desk's list flags it, with the story; marking it seen moves it down.
    await desk.goto("/admin/sources");
    const open = desk.getByRole("table", { name: "To look at" });
    const row = open.getByRole("row", { name: new RegExp(`Notice to mariners 41/2026.*${headline}`) });
    await expect(row).toContainText("Gone");
    await expect(row.getByRole("link", { name: headline })).toHaveAttribute("href", `/admin/articles/${storyId}`);
    await desk.screenshot({ path: "test-results/source-archive-to-look-at.png", fullPage: true });
    await row.getByRole("button", { name: "Mark Notice to mariners 41/2026 seen" }).click();
    await expect(desk.getByRole("table", { name: "Seen" }).getByRole("row", { name: /Notice to mariners 41\/2026/ })).toContainText("Seen");

    // Readers: the gone source's link leads to its copy first, and the original follows.
    const readerPage = await reader.newPage();
    const gone = readerPage.locator("section.sources li", { hasText: "Notice to mariners" });
    await expect
      .poll(
        async () => {
          await readerPage.goto(`/${story.section}/${story.slug}`);
          return gone.getByRole("link", { name: "Notice to mariners 41/2026" }).getAttribute("href");
        },
        { timeout: 20_000 },
      )
      .toMatch(/\/archive\/\w+$/);
    await expect(gone.getByRole("link", { name: "Original address" })).toHaveAttribute("href", server.url(paths.notice));
    await expect(gone).toContainText("The original is no longer available");

    // Taken down, the story's copies leave readers, but the desk can still read them (it could not).
    const mover = await apiAs("editor");
    await move(mover, story, "UNPUBLISHED", { reason: "Checking the ferry's dates." });
    await mover.dispose();
    expect((await readerPage.goto(href))!.status()).toBe(404);
    await desk.goto(`/admin/articles/${storyId}`);
    const deskCopy = desk.getByRole("listitem", { name: "Source: Port authority report" }).getByRole("link", { name: "Read the copy" });
    await expect(deskCopy).toHaveAttribute("href", new RegExp(`^/admin/articles/${storyId}/copies/\\w+$`));
    const deskHref = (await deskCopy.getAttribute("href"))!;
    const deskAnswer = (await desk.goto(deskHref))!;
    expect(deskAnswer.status()).toBe(200);
    expect(deskAnswer.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'; style-src 'sha256-[\w+/=]+'/);
    expect(deskAnswer.headers()["cache-control"]).toBe("private, no-store");
    await expect(desk.getByText("Divers inspected the foundations and found them sound.")).toBeVisible();
    // Nobody signed out reads it there, nor a writer the story is not theirs.
    expect((await readerPage.goto(deskHref))!.status()).toBe(401);
    const writer = await apiAs("writer");
    expect((await writer.get(deskHref)).status()).toBe(404);
    await writer.dispose();
  } finally {
    await Promise.all([editor.close(), reader.close()]);
    await server.close();
  }
});
