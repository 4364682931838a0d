import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { E2E_ENV, storageStatePath } from "../env";
import { expect, newContext, publishFromEditor, test, unique } from "../fixtures";
import { MARKET_STORY } from "../../lib/wire/fixtures/market-story";

// Issue 18: the wire desk. Items arrive through the watched folder (DATELINE_WIRE_DIR, scanned
// every 2 s by the shared job runner in e2e), exactly as an agency's files would.
const FIXTURES = path.resolve("lib/wire/fixtures");
const WIRE_DIR = path.resolve(E2E_ENV.DATELINE_WIRE_DIR);

/** Drops a fixture into the watched folder with its own GUID, headline tweak and the photo beside it; returns the headline. */
function dropFixture(name: string, id: string, headline: (h: string) => string): string {
  fs.mkdirSync(WIRE_DIR, { recursive: true });
  const doc = JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")) as {
    uri: string;
    headlines: { value: string }[];
    associations?: { renditions: { href: string }[] }[];
  };
  doc.uri = `${doc.uri}-${id}`;
  doc.headlines[0]!.value = headline(doc.headlines[0]!.value);
  for (const a of doc.associations ?? []) {
    for (const r of a.renditions) {
      fs.copyFileSync(path.join(FIXTURES, r.href), path.join(WIRE_DIR, `${id}-${r.href}`));
      r.href = `${id}-${r.href}`;
    }
  }
  // Written under a temporary name, then renamed, as agencies do; the scanner skips .tmp files.
  const file = path.join(WIRE_DIR, `${id}-${name}`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(doc));
  fs.renameSync(`${file}.tmp`, file);
  return doc.headlines[0]!.value;
}

/** Opens the wire desk and waits (the folder is scanned every 2 s) for the item with `headline`. */
async function openItem(page: Page, headline: string) {
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Wire" }).click();
  await expect(page.getByRole("heading", { name: "Wire", level: 1 })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: headline })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

test.describe("wire desk", () => {
  test("an editor takes a wire item, fixes the headline and publishes it; readers see the photo credit and the source link", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const id = unique();
    // The agency's headline with a typo the editor fixes.
    const wired = dropFixture("market-reopens.ninjs.json", id, (h) => `${h.replace("reopens", "reopns")} ${id}`);
    const fixed = `${MARKET_STORY.headline} ${id}`;
    const context = await newContext(browser, { storageState: storageStatePath("editor") });
    const page = await context.newPage();
    await openItem(page, wired);

    // The list: agency, priority, urgency, version and status; searchable and filterable by agency.
    const row = page.getByTestId("wire-row").filter({ hasText: wired });
    await expect(row).toContainText("Northern Wire");
    await expect(row).toContainText("Usable");
    await page.getByLabel("Search", { exact: true }).fill(`reopns ${id}`);
    await page.getByLabel("Agency").selectOption("Northern Wire");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByTestId("wire-row")).toHaveCount(1);
    await page.screenshot({ path: "test-results/wire-desk-list.png", fullPage: true });

    await page.getByRole("link", { name: wired }).click();
    await expect(page.getByRole("heading", { name: wired, level: 1 })).toBeVisible();
    await expect(page.locator(".wire-copy")).toContainText(MARKET_STORY.paragraphs[1]);
    const photo = page.locator(".wire-photos figure");
    await expect(photo).toContainText(MARKET_STORY.photo.caption);
    await expect(photo).toContainText("Photo: Roman Pilipey/Getty Images");
    await expect(photo.getByRole("img")).toHaveJSProperty("complete", true);
    expect(await photo.getByRole("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(900);
    await page.screenshot({ path: "test-results/wire-desk-item.png", fullPage: true });

    await page.getByLabel("Section").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Take", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]+$/, { timeout: 60_000 });
    const editorUrl = page.url();
    const headline = page.getByLabel("Headline");
    await expect(headline).toHaveValue(wired);
    await headline.fill(fixed);
    await publishFromEditor(page);
    await expect(page.getByRole("heading", { name: /Status: Published/ })).toBeVisible();

    const live = await page.getByRole("link", { name: "View live" }).getAttribute("href");
    const reader = await (await newContext(browser)).newPage();
    await reader.goto(new URL(live ?? "/missing", page.url()).pathname);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(fixed);
    await expect(reader.locator(".article-body")).toContainText(MARKET_STORY.paragraphs[1]);
    await expect(reader.locator("figcaption").first()).toContainText("Photo: Roman Pilipey/Getty Images");
    await expect(reader.locator("figcaption").first()).toContainText(MARKET_STORY.photo.caption);
    await expect(reader.getByRole("region", { name: "Sources" }).getByRole("link", { name: `Northern Wire: ${wired}` })).toHaveAttribute(
      "href",
      `https://wire.northernwire.example/items/2026/11/30/market-reopens-${id}`,
    );
    await expect(reader.getByText("Olena Marchuk").first()).toBeVisible();

    // Where the desk names the story in a sentence, the headline's own quotation marks nest as single ones.
    await page.getByRole("link", { name: "Revisions and audit" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      `Revisions of “‘We are still here’: Dovzhenko’s covered market reopens after eight months ${id}”`,
    );
    await page.screenshot({ path: "test-results/screens/wire-story-revisions.png" });

    // Taking it again is not silent: the desk names the story already taken and asks.
    await page.goto("/admin/wire");
    await page.getByRole("link", { name: wired }).click();
    await expect(page.getByText(`Already taken as ${fixed}`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Take again as a new story" })).toBeVisible();

    // The agency sends a corrected version after the take: the story's editor says what changed.
    dropFixture("market-reopens.v2.ninjs.json", id, (h) => `${h} ${id}`);
    const update = page.getByTestId("editor-wire-update");
    await expect(async () => {
      await page.goto(editorUrl);
      await expect(update).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(update).toContainText(
      "Northern Wire sent version 2 of the wire item this story was taken from, after it was taken (version 1).",
    );
    await expect(update).toContainText("Copy: 1 changed, 1 added paragraphs.");
    await expect(update.getByRole("link", { name: "See the versions on the wire desk" })).toHaveAttribute("href", /^\/admin\/wire\/c/);
    await page.screenshot({ path: "test-results/screens/wire-story-update.png" });
    await context.close();
  });

  test("a story taken from an embargoed item is refused on publish, and the editor says why", async ({ browser }) => {
    test.setTimeout(90_000);
    const id = unique();
    const wired = dropFixture("regional-budget.embargoed.ninjs.json", id, (h) => `${h} ${id}`);
    const context = await newContext(browser, { storageState: storageStatePath("editor") });
    const page = await context.newPage();
    await openItem(page, wired);
    await expect(page.getByTestId("wire-row").filter({ hasText: wired })).toContainText("Until 15 January 2030");
    await page.getByRole("link", { name: wired }).click();
    await expect(page.getByRole("note").filter({ hasText: "Embargoed until" })).toBeVisible();
    await page.getByLabel("Section").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Take", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/[a-z0-9]+$/, { timeout: 60_000 });
    // Named in the newsroom's time (UTC here), once: the banner and the refusals below say the same time.
    await expect(page.getByTestId("editor-wire-embargo")).toHaveText(
      "Embargoed by Northern Wire until 15 January 2030 at 06:00 UTC. Publishing now is refused; schedule it for then or later.",
    );
    // Beside it, the button's line does not say "Ready to publish." (a probe found the two side by side).
    await expect(page.locator("#publish-blockers")).toHaveText("Ready to schedule for the end of the embargo or later.");

    // While the embargo lasts it can only be scheduled: the dialog offers the embargo's end (the
    // newsroom's zone is UTC here), not "now" (a probe was offered both, and the next full hour).
    await page.getByRole("button", { name: "Schedule…" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("radio", { name: "Now" })).toHaveCount(0);
    await expect(dialog.getByLabel("Date (year-month-day)")).toHaveValue("2030-01-15");
    await expect(dialog.getByLabel("Time (24-hour)")).toHaveValue("06:00");
    // A time before it goes to the server, which refuses it; the desk shows its sentence and nothing goes live.
    await dialog.getByLabel("Time (24-hour)").fill("05:30");
    await dialog.getByRole("button", { name: "Schedule" }).click();
    await expect(dialog.getByRole("alert")).toContainText("the end of Northern Wire's embargo (15 January 2030 at 06:00 UTC)");
    await page.screenshot({ path: "test-results/wire-desk-embargo-refused.png", fullPage: true });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await expect(page.getByRole("heading", { name: /Status: Draft/ })).toBeVisible();
    await context.close();
  });

  test("the wire screens (list, item, feeds) have no serious accessibility violations; an admin adds a feed and sees a bad address at its field", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const context = await newContext(browser, { storageState: storageStatePath("admin") });
    const page = await context.newPage();
    await page.goto("/admin/wire/feeds");
    await page.getByLabel("Name").fill("Coastal Press");
    await page.getByLabel("Address").fill("javascript:alert(1)");
    await page.getByLabel("Agency").fill("CPA");
    await page.getByRole("button", { name: "Add feed" }).click();
    await expect(page.getByText("Use a full web address starting with http:// or https://.")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue("Coastal Press");
    await page.getByLabel("Address").fill("https://cpa.example/feed.xml");
    await page.getByRole("button", { name: "Add feed" }).click();
    await expect(page.getByTestId("wire-feed").filter({ hasText: "https://cpa.example/feed.xml" })).toBeVisible();

    const found: string[] = [];
    await page.goto("/admin/wire");
    const item = await page.locator("a[href^='/admin/wire/c']").first().getAttribute("href");
    for (const path of ["/admin/wire", item!, "/admin/wire/feeds"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical" || v.id === "empty-table-header"))
        found.push(`${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
    expect(found).toEqual([]);
    // The feed added above is removed again, so the shared e2e newsroom polls nothing.
    await page.goto("/admin/wire/feeds");
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Remove Coastal Press" }).first().click();
    await expect(page.getByTestId("wire-feed")).toHaveCount(0);
    await context.close();
  });
});
