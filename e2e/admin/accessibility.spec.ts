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

test("the admin menu says which screen is shown", async ({ browser }) => {
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
