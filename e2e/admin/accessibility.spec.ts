import AxeBuilder from "@axe-core/playwright";
import { storageStatePath } from "../env";
import { expect, newContext, test } from "../fixtures";

// Editors spend their day in these screens: the same bar as the reader's pages.
test("every admin screen has no accessibility violations axe rates serious or critical, nor empty headers", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await newContext(browser, { storageState: storageStatePath("admin") });
  const page = await context.newPage();
  await page.goto("/admin");
  const story = await page.locator("table a[href^='/admin/articles/']").first().getAttribute("href");
  const photo = await (async () => {
    await page.goto("/admin/media");
    return page.locator("a[href^='/admin/media/']").first().getAttribute("href");
  })();
  const screens = [
    "/admin",
    story!,
    `${story}/revisions`,
    `${story}/preview`,
    "/admin/articles/new",
    "/admin/media",
    photo!,
    "/admin/bylines",
    "/admin/sections",
    "/admin/users",
    "/admin/settings",
    "/admin/profile",
    "/admin/api-keys",
    "/admin/webhooks",
    "/admin/front",
    "/admin/notifications",
    "/admin/sources",
    "/admin/audit",
    "/admin/wire",
    "/admin/wire/feeds",
    "/admin/import",
  ];
  const found: string[] = [];
  for (const path of screens) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("h1").first(), path).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical" || v.id === "empty-table-header")) {
      found.push(`${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
  expect(found).toEqual([]);
  await context.close();
});

test("the admin menu says which screen is shown, and a story's preview and a photo's page name what they show", async ({ browser }) => {
  const context = await newContext(browser, { storageState: storageStatePath("admin") });
  const page = await context.newPage();
  const nav = page.getByRole("navigation", { name: "Admin" });
  for (const [path, entry] of [
    ["/admin", "Stories"],
    ["/admin/articles/new", "Stories"],
    ["/admin/media", "Photos"],
    ["/admin/wire/feeds", "Wire"],
    ["/admin/notifications", "Notifications"],
    ["/admin/settings", "Settings"],
  ] as const) {
    await page.goto(path);
    await expect(nav.locator('[aria-current="page"]'), path).toHaveCount(1);
    await expect(nav.locator('[aria-current="page"]'), path).toContainText(entry);
  }
  // Tabs name what they show: a story's preview and a photo, not "Preview" and "Photo".
  await page.goto("/admin");
  await page.goto(`${await page.locator("table a[href^='/admin/articles/']").first().getAttribute("href")}/preview`);
  await expect(page).toHaveTitle(/^Preview of “.+”/);
  await page.goto("/admin/media");
  await page.goto((await page.locator("a[href^='/admin/media/c']").first().getAttribute("href"))!);
  await expect(page).toHaveTitle(/^Photo: .+/);
  await context.close();
});

test("the desk fits a phone's width: wide tables scroll on their own, the page does not", async ({ browser }) => {
  const context = await newContext(browser, { storageState: storageStatePath("admin"), viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/admin");
  const story = await page.locator("table a[href^='/admin/articles/']").first().getAttribute("href");
  for (const path of [
    "/admin",
    story!,
    `${story}/revisions`,
    "/admin/articles/new",
    "/admin/audit",
    "/admin/api-keys",
    "/admin/media",
    "/admin/users",
    "/admin/settings",
    "/admin/sections",
    "/admin/bylines",
    "/admin/webhooks",
    "/admin/wire",
    "/admin/wire/feeds",
    "/admin/sources",
    "/admin/import",
    "/admin/front",
    "/admin/profile",
    "/admin/notifications",
  ]) {
    await page.goto(path);
    await expect(page.locator("h1").first(), path).toBeAttached();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} is wider than the screen by`).toBeLessThanOrEqual(0);
  }
  await page.goto("/admin");
  await page.screenshot({ path: "test-results/screens/desk-390.png", fullPage: true });
  await context.close();
});

test("what shows only to the keyboard, in forced colours or to a screen reader: the upload button's focus, a pressed tool, a chosen photo, a changed word", async ({
  browser,
}) => {
  const context = await newContext(browser, { storageState: storageStatePath("editor") });
  const page = await context.newPage();
  // The upload button is a label for a hidden file input: Tab to the input, and the label shows it.
  await page.goto("/admin/media");
  for (let i = 0; i < 60 && (await page.evaluate(() => document.activeElement?.id)) !== "photo-files"; i++)
    await page.keyboard.press("Tab");
  await expect(page.locator("#photo-files")).toBeFocused();
  expect(await page.locator("label[for='photo-files']").evaluate((label) => getComputedStyle(label).outlineStyle)).toBe("solid");

  // Forced colours (Windows High Contrast) drop backgrounds: the border's shape tells the state.
  await page.emulateMedia({ forcedColors: "active" });
  await page.goto("/admin/articles/new");
  const pressed = page.getByRole("button", { name: "Smart quotes" });
  await expect(pressed).toHaveAttribute("aria-pressed", "true");
  expect(await pressed.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("double");
  const chosen = page.locator(".hero-picker .thumb.selected").first();
  await expect(chosen).toBeVisible();
  expect(await chosen.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("double");
  await page.emulateMedia({ forcedColors: "none" });

  // A word changed inside a paragraph is said as "added" and "removed", which <ins> and <del> are not.
  const said = await page.evaluate(() => {
    const line = document.createElement("p");
    line.innerHTML = '<del class="word-removed">Mondy</del><ins class="word-added">Monday</ins>';
    document.body.append(line);
    const [removed, added] = [line.firstElementChild!, line.lastElementChild!];
    return [
      getComputedStyle(removed, "::before").content,
      getComputedStyle(added, "::before").content,
      getComputedStyle(added, "::after").content,
    ];
  });
  expect(said).toEqual(['" [removed: "', '" [added: "', '"] "']);
  await context.close();
});

test("the API reference reads on a phone and has a main landmark", async ({ page }) => {
  // Its endpoint paths widened a 390 px page by 51 px, and its content sat in no landmark.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/api/v1/docs");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toContainText("content API");
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations
      .filter((v) => v.impact === "serious" || v.impact === "critical" || ["landmark-one-main", "region"].includes(v.id))
      .map((v) => v.id),
  ).toEqual([]);
});
