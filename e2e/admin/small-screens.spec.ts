import type { Browser, Page } from "@playwright/test";
import { storageStatePath, type RoleName } from "../env";
import { adminHydrated, expect, newContext, publishFromEditor, test, unique } from "../fixtures";

// Editors and readers on tablets, on phones and at 400% zoom (a 320-pixel-wide window: WCAG 1.4.10).

async function as(browser: Browser, role: RoleName, viewport: { width: number; height: number }): Promise<Page> {
  return (await newContext(browser, { storageState: storageStatePath(role), viewport })).newPage();
}

/** How far the page scrolls sideways (0: it reflows). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Whether the element's centre is what a tap there reaches (nothing sticky lies over it). */
const reachable = (page: Page, name: string) =>
  page.getByRole("button", { name, exact: true }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === el || el.contains(hit);
  });

async function longDraft(page: Page, headline: string) {
  await page.goto("/admin/articles/new");
  await adminHydrated(page);
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Section").selectOption({ label: "World" });
  const body = page.getByRole("textbox", { name: "Story body" });
  await body.click();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.type(`Paragraph ${i + 1} of a story long enough to scroll the page on a tablet.`);
    await page.keyboard.press("Enter");
  }
  return body;
}

test.describe("small screens and high zoom", () => {
  test.setTimeout(120_000);

  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
    { width: 360, height: 740 },
  ]) {
    test(`at ${viewport.width}×${viewport.height} the body's toolbar is never under the editor's bar, and a long address in the body does not widen the page`, async ({
      browser,
    }) => {
      const page = await as(browser, "editor", viewport);
      const body = await longDraft(page, `Toolbar ${unique()}`);
      // The publish checklist shows (no byline yet): the bar wraps to a second row.
      await expect(page.locator("#publish-blockers")).toContainText("Before it can go live");
      await page.mouse.wheel(0, 600);
      await body.getByText("Paragraph 8 of").click();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
      for (const tool of ["Bold", "Link", "Photo"]) expect(await reachable(page, tool), tool).toBe(true);
      await page.keyboard.press("End");
      await page.keyboard.type(` https://example.org/${"a-very-long-address-".repeat(6)}`);
      expect(await sideways(page)).toBe(0);
      await page.screenshot({ path: `test-results/screens/editor-${viewport.width}.png` });
    });
  }

  test("on a phone Save and Publish stay at the foot of the screen wherever the writer is, and the page ends above them", async ({
    browser,
  }) => {
    const page = await as(browser, "editor", { width: 390, height: 844 });
    await longDraft(page, `Bottom bar ${unique()}`);
    const bar = page.locator(".editor-bar");
    for (const y of [0, 1500, 99_999]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      // Before: the bar stayed at the top of the page, screens away from the end of the story.
      for (const name of ["Create draft", "Publish…"]) expect(await reachable(page, name), `${name} at ${y}`).toBe(true);
      const box = (await bar.boundingBox())!;
      expect(box.y + box.height).toBeCloseTo(844, 0);
      expect(box.height).toBeLessThan(170);
    }
    // Scrolled to the end, the last of the form is above the bar, not under it.
    const last = (await page.locator(".admin-main > *").last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual((await bar.boundingBox())!.y);
    await page.screenshot({ path: "test-results/screens/editor-bar-phone.png" });
    // Lines typed at the end of the body keep the caret above the bar.
    const body = page.getByRole("textbox", { name: "Story body" });
    await body.getByText("Paragraph 12 of").click();
    await page.keyboard.press("End");
    for (let line = 0; line < 8; line++) await page.keyboard.type(`\nA line typed at the end, number ${line + 1}.`);
    const caret = await page.evaluate(() => window.getSelection()!.getRangeAt(0).getBoundingClientRect().bottom);
    expect(caret).toBeLessThanOrEqual((await bar.boundingBox())!.y);

    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(page.getByText("All changes saved")).toBeVisible();
    expect(await reachable(page, "Save")).toBe(true);

    // A save refused for a conflict: the bar, far below the panel at the top of the form, says so and goes there.
    const other = await as(browser, "admin", { width: 1280, height: 800 });
    await other.goto(page.url());
    await adminHydrated(other);
    await other.getByLabel("Dek").fill("The admin's dek, saved first.");
    await other.getByRole("button", { name: "Save", exact: true }).click();
    await expect(other.getByText("All changes saved")).toBeVisible();
    await page.getByLabel("SEO description").fill("A description written on the phone.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(bar.getByTestId("save-state")).toHaveText("Not saved");
    await expect(page.getByRole("heading", { name: /E2E admin saved this story at/ })).not.toBeInViewport();
    // A target of its own, at least 24 px each way (WCAG 2.5.8), not cut off by the line beside it.
    const seeWhy = bar.getByRole("button", { name: "See why" });
    const target = (await seeWhy.boundingBox())!;
    expect(target.height).toBeGreaterThanOrEqual(24);
    expect(target.width).toBeGreaterThanOrEqual(24);
    expect(await seeWhy.evaluate((button) => getComputedStyle(button.parentElement!).overflow)).toBe("visible");
    await page.screenshot({ path: "test-results/screens/editor-bar-phone-not-saved.png" });
    await seeWhy.click();
    await expect(page.getByRole("heading", { name: /E2E admin saved this story at/ })).toBeInViewport();
    await expect(page.locator("#editor-problem")).toBeFocused();
    // The reason starts at the top of the screen, where reading starts, not halfway down it.
    expect((await page.locator("#editor-problem").boundingBox())!.y).toBeLessThan(40);
    await page.screenshot({ path: "test-results/screens/editor-phone-see-why.png" });
  });

  test("on a phone the story's tags wrap, every section is a tap away, and the desk's menu is a few rows above the page", async ({
    browser,
  }) => {
    const editor = await as(browser, "editor", { width: 1280, height: 900 });
    const headline = `Long tag ${unique()}`;
    await longDraft(editor, headline);
    await editor.getByLabel("Add a byline").selectOption({ label: "Daniel Reyes" });
    const tag = `Reconstructionandrecoveryandresettlement${unique()}`;
    await editor.getByLabel("Add a tag").fill(tag);
    await editor.getByRole("button", { name: "Add tag" }).click();
    await expect(editor.locator(".chip").filter({ hasText: tag })).toBeVisible();
    await publishFromEditor(editor);
    await expect(editor.getByRole("heading", { name: /^Status:/ })).toContainText("Published");
    const address = await editor.getByRole("link", { name: "View live" }).getAttribute("href");

    const reader = await (await newContext(browser, { viewport: { width: 320, height: 640 } })).newPage();
    await reader.goto(address!);
    await expect(reader.locator(".tags")).toContainText(tag);
    expect(await sideways(reader)).toBe(0);
    // The masthead's strip shows the first sections; the footer lists them all, on lines that wrap.
    const index = reader.getByRole("navigation", { name: "Site index" });
    const masthead = await reader.getByRole("navigation", { name: "Sections" }).getByRole("link").allTextContents();
    await expect(index.getByRole("link")).toHaveText(masthead);
    for (const link of await reader.getByRole("navigation", { name: "Sections" }).getByRole("link").all()) {
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    }
    for (const link of await index.getByRole("link").all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    await reader.locator(".site-footer").screenshot({ path: "test-results/screens/footer-index-320.png" });
    // Taken down again: the specs after this one share the newsroom.
    await editor.getByLabel("Reason for unpublishing (kept in the audit log)").fill("Made for the small-screen check.");
    await editor.getByRole("button", { name: "Unpublish", exact: true }).click();
    await expect(editor.getByRole("heading", { name: /^Status:/ })).toContainText("Unpublished");

    const phone = await as(browser, "editor", { width: 360, height: 740 });
    await phone.goto("/admin");
    const main = (await phone.locator("#main").boundingBox())!;
    expect(main.y).toBeLessThan(360);
    await phone.screenshot({ path: "test-results/screens/admin-phone.png", fullPage: true });
  });

  test("on a phone the desk's menu is two rows, the current screen's link in view, and the stories are listed one under another", async ({
    browser,
  }) => {
    const phone = await as(browser, "admin", { width: 360, height: 740 });
    await phone.goto("/admin/webhooks");
    await adminHydrated(phone);
    const menu = phone.getByRole("navigation", { name: "Admin" });
    // Before: the admin's seventeen links wrapped onto four rows, and the page began 232 px down.
    expect((await phone.locator("#main").boundingBox())!.y).toBeLessThan(110);
    // The strip scrolled itself to the current screen's link, far along it.
    await expect(menu.getByRole("link", { name: "Webhooks" })).toHaveAttribute("aria-current", "page");
    await expect(menu.getByRole("link", { name: "Webhooks" })).toBeInViewport({ ratio: 1 });
    await expect(menu.getByRole("link", { name: "Stories" })).not.toBeInViewport();
    // Every link is still there, reached by Tab, and scrolled into view when it is.
    const stories = menu.getByRole("link", { name: "Stories" });
    for (let tab = 0; tab < 4 && !(await stories.evaluate((a) => a === document.activeElement)); tab++) await phone.keyboard.press("Tab");
    await expect(stories).toBeFocused();
    await expect(stories).toBeInViewport({ ratio: 1 });
    expect(await sideways(phone)).toBe(0);
    await expect(phone.getByTestId("signed-in-as").locator("strong")).toBeVisible();
    await expect(phone.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
    await phone.screenshot({ path: "test-results/screens/admin-menu-phone.png" });

    await phone.goto("/admin");
    const first = phone.locator(".story-table tbody tr").first();
    const cells = first.locator("td");
    const [headline, status] = [(await cells.nth(0).boundingBox())!, (await cells.nth(1).boundingBox())!];
    // The status under the headline, not in a column off the screen; the table scrolls nowhere.
    expect(status.y).toBeGreaterThanOrEqual(headline.y + headline.height - 1);
    expect(status.x + status.width).toBeLessThanOrEqual(360);
    await expect(cells.nth(1)).toBeInViewport();
    expect(
      await phone
        .locator(".table-scroll")
        .first()
        .evaluate((el) => el.scrollWidth - el.clientWidth),
    ).toBe(0);
    await phone.screenshot({ path: "test-results/screens/stories-phone.png" });
  });

  test("on a phone a revision opened from the list is scrolled to, and the list's action cells stay in the table's layout", async ({
    browser,
  }) => {
    const page = await as(browser, "editor", { width: 360, height: 740 });
    await longDraft(page, `Revisions ${unique()}`);
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await page.goto(`${new URL(page.url()).pathname}/revisions`);
    const show = page.getByRole("link", { name: /^Show v\d+$/ }).first();
    expect(await show.evaluate((a) => getComputedStyle(a.closest("td")!).display)).toBe("table-cell");
    await show.click();
    await expect(page).toHaveURL(/[?]show=.+#shown-heading$/);
    await expect(page.locator("#shown-heading")).toBeInViewport();
  });

  test("at 320 pixels the front page desk, the publish dialog's time fields and the byline chips fit, with targets a finger can hit", async ({
    browser,
  }) => {
    const page = await as(browser, "editor", { width: 320, height: 640 });
    await page.goto("/admin/front");
    await adminHydrated(page);
    expect(await sideways(page)).toBe(0);
    const small = page.locator(".button.small:visible");
    expect(await small.count()).toBeGreaterThan(0);
    for (const button of await small.all()) {
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    }

    await longDraft(page, `Dialog ${unique()}`);
    await page.getByLabel("Add a byline").selectOption({ label: "Daniel Reyes" });
    for (const button of await page.locator(".chip button").all()) {
      const box = (await button.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    await page.getByRole("button", { name: "Publish…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("At a set time").click();
    await expect(dialog.getByLabel("Time (24-hour)")).toBeVisible();
    // A phone's number pad has no "-" or ":", so the boxes ask for the full keyboard.
    for (const box of ["Date (year-month-day)", "Time (24-hour)"]) {
      expect(await dialog.getByLabel(box).evaluate((input: HTMLInputElement) => input.inputMode || "text")).toBe("text");
    }
    expect(await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)).toBe(0);
    await dialog.screenshot({ path: "test-results/screens/publish-dialog-320.png" });
    expect(await sideways(page)).toBe(0);
  });
});
