import { storageStatePath } from "../env";
import { adminHydrated, expect, holdScripts, newContext, test } from "../fixtures";

const masthead = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Sections" });

test.describe("sections", () => {
  test("an admin adds, renames, reorders and deletes a section; readers' mastheads follow at once", async ({ browser }) => {
    const context = await newContext(browser, { storageState: storageStatePath("admin") });
    const page = await context.newPage();
    const reader = await browser.newPage();
    await reader.goto("/");
    await expect(masthead(reader).getByRole("link", { name: "Culture" })).toHaveCount(0);

    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Sections" }).click();
    const form = page.getByRole("form", { name: "New section" });
    // The site's own addresses are refused where they were typed, and nothing typed is lost.
    await form.getByLabel("Name").fill("Search");
    await form.getByRole("button", { name: "Create section" }).click();
    await expect(form.getByText("This address is taken by the site itself; choose another.")).toBeVisible();
    await expect(form.getByLabel("Name")).toHaveValue("Search");

    // Typed before the page's scripts ran (a slow connection): kept as the form hydrates, and the
    // address follows the name as if typed then.
    const release = await holdScripts(page);
    await page.reload({ waitUntil: "domcontentloaded" });
    await form.getByLabel("Name").fill("Culture");
    await form.getByLabel("Description").fill("Arts, books and the stage.");
    release();
    await adminHydrated(page);
    await expect(form.getByLabel("Address")).toHaveValue("culture");
    await expect(form.getByLabel("Description")).toHaveValue("Arts, books and the stage.");
    await form.getByRole("button", { name: "Create section" }).click();
    await expect(page.getByText("Section created.")).toBeVisible();
    await expect(form.getByLabel("Name")).toHaveValue("");
    await expect(page.getByTestId("section-culture")).toContainText("Arts, books and the stage.");
    await page.screenshot({ path: "test-results/screens/sections.png", fullPage: true });

    await reader.goto("/");
    await expect(masthead(reader).getByRole("link", { name: "Culture" })).toBeVisible();
    await masthead(reader).getByRole("link", { name: "Culture" }).click();
    await expect(reader.getByRole("heading", { level: 1, name: "Culture" })).toBeVisible();

    // Last in the masthead; one step up puts it before the previous last section.
    const order = async () => masthead(reader).getByRole("link").allTextContents();
    await reader.goto("/");
    const before = await order();
    expect(before.at(-1)).toBe("Culture");
    // From the keyboard: the focus stays on the button as the row moves, and the move is said.
    const rows = await page.locator("[data-testid^='section-']").count();
    /** Waits until the refreshed table shows Culture at `place` (1-based): the row has moved. */
    const cultureAt = (place: number) =>
      expect(page.locator("[data-testid^='section-']").nth(place - 1)).toHaveAttribute("data-testid", "section-culture");
    await page.getByRole("button", { name: "Move Culture up" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("sections-announcer")).toHaveText(`Culture moved to place ${rows - 1} of ${rows} in the masthead.`);
    await cultureAt(rows - 1);
    await expect(page.getByRole("button", { name: "Move Culture up" })).toBeFocused();
    // Down to the last place (its Down button ends disabled: the focus goes to its Up), and back.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Move Culture down" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("sections-announcer")).toHaveText(`Culture moved to place ${rows} of ${rows} in the masthead.`);
    await cultureAt(rows);
    await expect(page.getByRole("button", { name: "Move Culture up" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("sections-announcer")).toHaveText(`Culture moved to place ${rows - 1} of ${rows} in the masthead.`);
    await cultureAt(rows - 1);
    await expect(page.getByRole("button", { name: "Move Culture down" })).toBeEnabled();
    await expect
      .poll(async () => {
        await reader.goto("/");
        return order();
      })
      .toEqual([...before.slice(0, -2), "Culture", before.at(-2)]);

    // Tab pressed before the refreshed list came (a slow network): the keyboard stays where it went.
    let refreshed = () => {};
    const held = new Promise<void>((resolve) => (refreshed = resolve));
    await page.route(
      (url) => url.pathname === "/admin/sections",
      async (route) => {
        if (route.request().method() === "GET" && route.request().headers()["rsc"]) await held;
        await route.continue();
      },
    );
    await page.getByRole("button", { name: "Move Culture up" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("sections-announcer")).toHaveText(`Culture moved to place ${rows - 2} of ${rows} in the masthead.`);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Move Culture down" })).toBeFocused();
    refreshed();
    await cultureAt(rows - 2);
    await expect(page.getByRole("button", { name: "Move Culture down" })).toBeFocused();
    await page.unroute((url) => url.pathname === "/admin/sections");

    // From a page older than another editor's move: the move is refused as "already last", and as
    // the refreshed row reaches the end (its Down disabled) the keyboard goes to its Up.
    const stale = await context.newPage();
    await stale.goto("/admin/sections");
    await adminHydrated(stale);
    await page.getByRole("button", { name: "Move Culture down" }).click();
    await cultureAt(rows - 1);
    await page.getByRole("button", { name: "Move Culture down" }).click();
    await cultureAt(rows);
    await stale.getByRole("button", { name: "Move Culture down" }).focus();
    await stale.keyboard.press("Enter");
    await expect(stale.getByTestId("sections-announcer")).toHaveText("Culture is already last in the masthead.");
    await expect(stale.locator("[data-testid^='section-']").nth(rows - 1)).toHaveAttribute("data-testid", "section-culture");
    await expect(stale.getByRole("button", { name: "Move Culture up" })).toBeFocused();
    await stale.close();

    await page.getByTestId("section-culture").getByRole("link", { name: "Culture", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Culture" })).toBeVisible();
    await page.getByLabel("Name").fill("Arts & Culture");
    await page.getByRole("button", { name: "Save section" }).click();
    await expect(page.getByText("Saved. Every page shows it now.")).toBeVisible();
    await reader.goto("/politics");
    await expect(masthead(reader).getByRole("link", { name: "Arts & Culture" })).toHaveAttribute("href", "/culture");

    await page.goto("/admin/sections");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("section-culture").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("section-culture")).toHaveCount(0);
    await reader.goto("/");
    await expect(masthead(reader).getByRole("link", { name: "Arts & Culture" })).toHaveCount(0);
    expect((await reader.goto("/culture"))?.status()).toBe(404);
    await context.close();
  });

  test("a section with stories moves to a new address, and every old address forwards readers; it cannot be deleted", async ({
    browser,
    request,
  }) => {
    const context = await newContext(browser, { storageState: storageStatePath("admin") });
    const page = await context.newPage();
    await page.goto("/admin/sections");
    await expect(page.getByTestId("section-science").getByRole("button", { name: "Delete" })).toHaveCount(0);
    const move = async (to: string) => {
      await page.goto("/admin/sections");
      await page
        .getByTestId(/^section-(science|research)$/)
        .getByRole("link", { name: "Science", exact: true })
        .click();
      await expect(
        // Its stories: the seed's, and any other spec filed there (a draft moved to Science, say).
        page.getByText(/A new address moves its (story|\d+ stories) with it; the old addresses forward readers to the new ones\./),
      ).toBeVisible();
      await page.getByLabel("Address").fill(to);
      await page.getByRole("button", { name: "Save section" }).click();
      await expect(page.getByText("Saved. Every page shows it now.")).toBeVisible();
    };
    await move("research");
    try {
      const story = "/science/measles-vaccination-clinics-extend-hours";
      const forwards = async (from: string, to: string) => {
        const response = await request.get(from, { maxRedirects: 0 });
        expect(response.status(), from).toBe(308);
        expect(new URL(response.headers()["location"]!, "http://x").pathname, from).toBe(to);
      };
      await forwards("/science", "/research");
      await forwards("/science/p/2", "/research/p/2");
      // Typed in capitals, the old address forwards too, in one step.
      await forwards("/Science", "/research");
      await forwards("/SCIENCE/p/2", "/research/p/2");
      await forwards("/Science/feed.xml", "/research/feed.xml");
      await forwards("/Science/measles-vaccination-clinics-extend-hours", "/research/measles-vaccination-clinics-extend-hours");
      await forwards("/science/feed.xml", "/research/feed.xml");
      await forwards(story, "/research/measles-vaccination-clinics-extend-hours");
      const reader = await browser.newPage();
      await reader.goto(story);
      await expect(reader).toHaveURL(/\/research\/measles-vaccination-clinics-extend-hours$/);
      await expect(reader.locator(".kicker a")).toHaveAttribute("href", "/research");
      await reader.goto("/");
      await expect(masthead(reader).getByRole("link", { name: "Science" })).toHaveAttribute("href", "/research");
      // No other section may take the old address while it forwards.
      await page.goto("/admin/sections");
      const form = page.getByRole("form", { name: "New section" });
      await form.getByLabel("Name").fill("Science");
      await form.getByRole("button", { name: "Create section" }).click();
      await expect(form.getByText("This address still forwards readers to Science; choose another.")).toBeVisible();
    } finally {
      await move("science");
    }
    expect((await request.get("/science", { maxRedirects: 0 })).status()).toBe(200);
    expect((await request.get("/research", { maxRedirects: 0 })).status()).toBe(308);
    await context.close();
  });

  test("an editor may not manage sections", async ({ browser }) => {
    const context = await newContext(browser, { storageState: storageStatePath("editor") });
    const page = await context.newPage();
    expect((await page.goto("/admin/sections"))?.status()).toBe(403);
    await context.close();
  });
});
