import type { Browser, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { E2E_ENV, storageStatePath, type RoleName } from "../env";
import { readDatabase } from "../database";
import { adminHydrated, expect, fillDeskTime, newContext, test, unique } from "../fixtures";
import { actionOutcome, callServerAction, serverActionsInBuild } from "../server-actions";
import { apiAs, frontHeadlines, makeStory, move, type Story } from "../newsroom";

// Issue 20, deliver 1: editors arrange the front page (mouse and keyboard), schedule a change, and
// readers see it at once; a story that is unpublished drops out of its slot and the desk says so.

async function as(browser: Browser, role: RoleName): Promise<Page> {
  return (await newContext(browser, { storageState: storageStatePath(role) })).newPage();
}
const reader = async (browser: Browser) => (await newContext(browser)).newPage();
/** Now plus `ms`, as the desk's time boxes take it, with seconds, in UTC (the e2e newsroom's zone). */
const utcLocal = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);
const liveLayout = () =>
  readDatabase((db) => db.prepare("SELECT id FROM FrontLayout WHERE state = 'LIVE'").pluck().get() as string | undefined) ?? "";

async function place(page: Page, story: Story, how: "Set as lead" | "Pin") {
  await page.getByLabel("Story to place").selectOption({ label: `${story.headline} (World)` });
  await page.getByRole("button", { name: how, exact: true }).click();
}

test.describe.serial("the curated front page", () => {
  test.setTimeout(120_000);
  let a: Story, b: Story, c: Story;

  test.beforeAll(async () => {
    const editor = await apiAs("editor");
    const tag = unique();
    // The lead has the demo wire story's photo (credited Elena Marsh/Northern Wire Photo).
    const photo = readDatabase((db) =>
      db.prepare("SELECT id FROM Image WHERE credit = 'Elena Marsh' ORDER BY createdAt LIMIT 1").pluck().get(),
    ) as string;
    a = await makeStory(editor, `Front lead harbour deal ${tag}`, "PUBLISHED", { hero: photo });
    b = await makeStory(editor, `Front pinned bridge vote ${tag}`, "PUBLISHED");
    c = await makeStory(editor, `Front pinned rail strike ${tag}`, "PUBLISHED");
    await editor.dispose();
  });

  test.afterAll(async () => {
    // Back to the newest stories for the other specs.
    const editor = await apiAs("editor");
    const save = serverActionsInBuild().find((x) => x.name === "saveFrontLayoutAction")!;
    const arrangement = { lead: null, pinned: [], sections: [], banner: { text: "", url: "", expiresLocal: "" } };
    await callServerAction(editor, "/admin/front", save, { basedOn: liveLayout(), arrangement });
    await editor.dispose();
  });

  test("arranged with the mouse (drag and buttons), previewed, put live: readers see lead, pinned order and banner at once", async ({
    browser,
  }) => {
    const visitor = await reader(browser);
    // The front page is in the HTTP cache before the change.
    await frontHeadlines(visitor);
    expect((await visitor.request.get("/")).headers()["x-dateline-cache"]).toBe("HIT");

    const page = await as(browser, "editor");
    await page.goto("/admin/front");
    await expect(page.getByRole("heading", { name: "Front page", level: 1 })).toBeVisible();
    await place(page, a, "Set as lead");
    await place(page, b, "Pin");
    await place(page, c, "Pin");
    const pinned = page.getByTestId("front-pinned").locator("li");
    await expect(pinned).toHaveText([new RegExp(b.headline), new RegExp(c.headline)]);
    // Drag the second pinned story above the first.
    await pinned.nth(1).dragTo(pinned.nth(0));
    await expect(pinned).toHaveText([new RegExp(c.headline), new RegExp(b.headline)]);
    await expect(page.getByTestId("front-preview").locator("li").first()).toHaveText(a.headline);

    await page.getByLabel("Banner text").fill("Polls close at 10pm: live results");
    await page.getByLabel("Banner link (optional)").fill("javascript:alert(1)");
    await fillDeskTime(page, /Banner comes down at/, utcLocal(3_600_000));
    await page.getByRole("button", { name: "Publish the front page now" }).click();
    await expect(page.getByText("Use a full web address starting with http:// or https://.")).toBeVisible();
    // Nothing typed is lost; the fix goes through.
    await expect(page.getByLabel("Banner text")).toHaveValue("Polls close at 10pm: live results");
    await page.getByLabel("Banner link (optional)").fill("https://example.org/results");
    await page.getByRole("button", { name: "Publish the front page now" }).click();
    await expect(page.getByText("The front page shows this arrangement now.")).toBeVisible();
    await page.screenshot({ path: "test-results/admin-front.png", fullPage: true });

    expect((await frontHeadlines(visitor)).slice(0, 3)).toEqual([a.headline, c.headline, b.headline]);
    // The lead's photo carries its credit on the front page, as on the story's own page.
    const leadFigure = visitor.locator(".article-card").first().getByRole("figure");
    await expect(leadFigure.getByRole("img")).toBeVisible();
    await expect(leadFigure).toContainText("Photo: Elena Marsh/Northern Wire Photo");
    const banner = visitor.getByTestId("breaking-banner");
    await expect(banner).toContainText("Polls close at 10pm: live results");
    await expect(banner.getByRole("link")).toHaveAttribute("href", "https://example.org/results");
    await visitor.screenshot({ path: "test-results/public-front-curated.png", fullPage: true });
    expect(
      readDatabase((db) => db.prepare("SELECT count(*) FROM AuditEvent WHERE action = 'front.arrange'").pluck().get()),
    ).toBeGreaterThan(0);
  });

  test("a banner that has come down is not offered again, and the next arrangement goes live (it was refused as 'already down' until cleared)", async ({
    browser,
  }) => {
    // Time passes: the live banner's end (an hour ahead, from the test before) is now a minute ago.
    const db = new Database(E2E_ENV.DATABASE_URL.replace(/^file:/, ""), { timeout: 5000 });
    try {
      const row = db.prepare("SELECT id, arrangement FROM FrontLayout WHERE state = 'LIVE'").get() as { id: string; arrangement: string };
      const arrangement = JSON.parse(row.arrangement) as { banner: { text: string; expiresAt: string } };
      expect(arrangement.banner.text).toBe("Polls close at 10pm: live results");
      arrangement.banner.expiresAt = new Date(Date.now() - 60_000).toISOString();
      db.prepare("UPDATE FrontLayout SET arrangement = ? WHERE id = ?").run(JSON.stringify(arrangement), row.id);
    } finally {
      db.close();
    }
    const page = await as(browser, "editor");
    await page.goto("/admin/front");
    await expect(page.getByTestId("banner-came-down")).toContainText("The banner “Polls close at 10pm: live results” came down");
    await expect(page.getByLabel("Banner text")).toHaveValue("");
    for (const box of await page
      .getByRole("group", { name: /Banner comes down at/ })
      .getByRole("textbox")
      .all())
      await expect(box).toHaveValue("");
    await page.getByRole("button", { name: "Publish the front page now" }).click();
    await expect(page.getByText("The front page shows this arrangement now.")).toBeVisible();
  });

  test("arranged by keyboard alone: Tab reaches Move up/down, focus stays on the moved story, Enter publishes", async ({ browser }) => {
    const page = await as(browser, "editor");
    await page.goto("/admin/front");
    const pinned = page.getByTestId("front-pinned").locator("li");
    await expect(pinned).toHaveText([new RegExp(c.headline), new RegExp(b.headline)]);
    const label = () =>
      page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? "");
    const tabTo = async (wanted: string) => {
      for (let i = 0; i < 150 && (await label()) !== wanted; i++) await page.keyboard.press("Tab");
      expect(await label()).toBe(wanted);
    };
    await page.getByRole("heading", { name: "Front page", level: 1 }).click();
    await tabTo(`Move “${c.headline}” down`);
    await page.keyboard.press("Enter");
    await expect(pinned).toHaveText([new RegExp(b.headline), new RegExp(c.headline)]);
    // It reached the bottom, so its Down is disabled: focus stayed with the story, on its Up button.
    expect(await label()).toBe(`Move “${c.headline}” up`);
    await expect(page.getByTestId("front-announcer")).toHaveText(`“${c.headline}” moved to pinned slot 2 of 2.`);
    await page.keyboard.press("Enter");
    await expect(pinned).toHaveText([new RegExp(c.headline), new RegExp(b.headline)]);
    expect(await label()).toBe(`Move “${c.headline}” down`);
    await page.keyboard.press("Enter");
    await tabTo("Publish the front page now");
    await page.keyboard.press("Enter");
    await expect(page.getByText("The front page shows this arrangement now.")).toBeVisible();
    expect((await frontHeadlines(await reader(browser))).slice(0, 3)).toEqual([a.headline, b.headline, c.headline]);
  });

  test("from the keyboard, making a lead, removing and pinning a story keep the focus in the desk, and each is said", async ({
    browser,
  }) => {
    const page = await as(browser, "editor");
    await page.goto("/admin/front");
    await adminHydrated(page);
    const pinned = page.getByTestId("front-pinned").locator("li");
    const announcer = page.getByTestId("front-announcer");
    await expect(page.getByTestId("front-lead")).toContainText(a.headline);
    await expect(pinned).toHaveText([new RegExp(b.headline), new RegExp(c.headline)]);

    await page.getByRole("button", { name: `Make lead: “${c.headline}”` }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("front-lead")).toContainText(c.headline);
    await expect(page.getByTestId("front-lead")).toBeFocused();
    await page.getByRole("region", { name: "Lead and pinned stories" }).screenshot({ path: "test-results/screens/front-lead-focused.png" });
    await expect(announcer).toHaveText(`“${c.headline}” is the lead now.`);

    // The old lead went to the top of the pinned slots; removing it puts the focus on the story that took its place.
    await expect(pinned).toHaveText([new RegExp(a.headline), new RegExp(b.headline)]);
    await page.getByRole("button", { name: `Remove “${a.headline}” from the pinned slots` }).focus();
    await page.keyboard.press("Enter");
    await expect(pinned).toHaveText([new RegExp(b.headline)]);
    await expect(page.getByRole("button", { name: `Remove “${b.headline}” from the pinned slots` })).toBeFocused();
    await expect(announcer).toHaveText(`“${a.headline}” is no longer pinned.`);

    // The lead removed: back to the list of stories to place, from which the next is pinned.
    await page.getByRole("button", { name: `Remove “${c.headline}” from the lead` }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("No lead chosen: the newest story leads.")).toBeVisible();
    const pick = page.getByLabel("Story to place");
    await expect(pick).toBeFocused();
    await expect(announcer).toHaveText(`“${c.headline}” is no longer the lead: the newest story leads.`);
    await pick.selectOption({ label: `${a.headline} (World)` });
    await page.getByRole("button", { name: "Pin", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(pinned).toHaveText([new RegExp(b.headline), new RegExp(a.headline)]);
    await expect(pick).toBeFocused();
    await expect(announcer).toHaveText(`“${a.headline}” pinned in slot 2.`);
    // Nothing was published: the front page is as it was.
    expect((await frontHeadlines(await reader(browser))).slice(0, 3)).toEqual([a.headline, b.headline, c.headline]);
  });

  test("a scheduled lead change goes live at its time through the job runner", async ({ browser }) => {
    const page = await as(browser, "editor");
    await page.goto("/admin/front");
    await page.getByRole("button", { name: `Make lead: “${b.headline}”` }).click();
    await expect(page.getByTestId("front-lead")).toContainText(b.headline);
    await fillDeskTime(page, /Or switch to it at/, utcLocal(-60_000));
    await page.getByRole("button", { name: "Schedule this arrangement" }).click();
    await expect(page.getByText("Choose a time in the future.")).toBeVisible();
    // Far enough ahead that a slow machine still finds the old lead on the front page first.
    await fillDeskTime(page, /Or switch to it at/, utcLocal(15_000));
    await page.getByRole("button", { name: "Schedule this arrangement" }).click();
    await expect(page.getByText("Scheduled. It goes live at the time you chose.")).toBeVisible();
    await expect(page.getByTestId("front-scheduled")).toContainText(b.headline);
    const visitor = await reader(browser);
    expect((await frontHeadlines(visitor))[0]).toBe(a.headline);
    // The job runner polls every second in the e2e server (DATELINE_SCHEDULER_INTERVAL=2).
    await expect.poll(async () => (await frontHeadlines(visitor))[0], { timeout: 30_000, intervals: [1000] }).toBe(b.headline);
    await page.reload();
    await expect(page.getByTestId("front-scheduled")).toHaveCount(0);
    await expect(page.getByTestId("front-lead")).toContainText(b.headline);
  });

  test("a story unpublished from its slot drops out of the front page, and the desk says so", async ({ browser }) => {
    const editor = await apiAs("editor");
    await move(editor, c, "UNPUBLISHED", { reason: "Legal hold" });
    await editor.dispose();
    const headlines = await frontHeadlines(await reader(browser));
    expect(headlines).not.toContain(c.headline);
    expect(headlines[0]).toBe(b.headline);
    const page = await as(browser, "editor");
    await page.goto("/admin/front");
    await expect(page.getByTestId("front-problems")).toContainText(`“${c.headline}” was unpublished, so it dropped out of pinned slot`);
    await expect(page.getByTestId("front-pinned")).not.toContainText(c.headline);
  });

  test("writers cannot open the front page desk", async ({ browser }) => {
    const page = await as(browser, "writer");
    const response = await page.goto("/admin/front");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("link", { name: "Front page" })).toHaveCount(0);
    const save = serverActionsInBuild().find((x) => x.name === "saveFrontLayoutAction")!;
    const writer = await apiAs("writer");
    const before = liveLayout();
    const refused = await callServerAction(writer, "/admin/front", save, {
      basedOn: before,
      arrangement: { lead: null, pinned: [], sections: [], banner: { text: "", url: "", expiresLocal: "" } },
    });
    expect(actionOutcome(refused.body)).toBe("forbidden");
    expect(liveLayout()).toBe(before);
    await writer.dispose();
  });
});
