import { storageStatePath } from "../env";
import { expect, newContext, test } from "../fixtures";

test.describe("bylines", () => {
  test("an editor gives a byline a new title and bio; the byline page and its story show them at once", async ({ browser }) => {
    const context = await newContext(browser, { storageState: storageStatePath("editor") });
    const page = await context.newPage();
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Bylines" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Bylines" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/bylines-list.png", fullPage: true });
    await page.getByRole("link", { name: "Tomás Ferreira" }).click();

    // Nothing typed is lost when the server refuses it.
    await page.getByLabel("Name").fill("");
    await page.getByLabel("Bio").fill("Tomás covers ports, shipping and the fishing fleet.");
    await page.getByRole("button", { name: "Save byline" }).click();
    await expect(page.getByText("Enter the byline's name.")).toBeVisible();
    await expect(page.getByLabel("Bio")).toHaveValue("Tomás covers ports, shipping and the fishing fleet.");

    await page.getByLabel("Name").fill("Tomás Ferreira");
    await page.getByLabel("Title").fill("Business correspondent");
    await page.getByRole("button", { name: "Save byline" }).click();
    await expect(page.getByText("Saved. The byline page")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/byline-edit.png", fullPage: true });

    // A second save right after the first is not a conflict with itself. While it is on its
    // way (held here), the first save's "Saved." is gone: it must not read as this save's answer.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const bylinePage = (url: URL) => url.pathname.startsWith("/admin/bylines/");
    await page.route(bylinePage, async (route) => {
      if (route.request().method() === "POST" && route.request().headers()["next-action"]) await held;
      await route.continue();
    });
    await page.getByLabel("Title").fill("Business and ports correspondent");
    await page.getByRole("button", { name: "Save byline" }).click();
    await expect(page.getByRole("button", { name: "Saving…" })).toBeVisible();
    await expect(page.getByText("Saved. The byline page")).toBeHidden();
    release();
    await expect(page.getByText("Saved. The byline page")).toBeVisible();
    await page.unroute(bylinePage);

    const reader = await browser.newPage();
    await reader.goto("/authors/tomas-ferreira");
    await expect(reader.locator("main")).toContainText("Tomás covers ports, shipping and the fishing fleet.");
    await expect(reader.locator("main")).toContainText("Business and ports correspondent");
    await reader.getByRole("link", { name: "Harbour fishing fleet counts the cost of winter storms" }).click();
    const ld = JSON.parse((await reader.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(ld.author.find((a: { name: string }) => a.name === "Tomás Ferreira")).toMatchObject({
      jobTitle: "Business and ports correspondent",
    });
    await context.close();
  });

  test("two editors on one byline: the later save is refused and keeps its text", async ({ browser }) => {
    const open = async () => {
      const context = await newContext(browser, { storageState: storageStatePath("editor") });
      const page = await context.newPage();
      await page.goto("/admin/bylines");
      await page.getByRole("link", { name: "Daniel Reyes" }).click();
      // Opened means loaded: a form still on its way when the other editor saves would start from their version.
      await expect(page.getByRole("button", { name: "Save byline" })).toBeVisible();
      return page;
    };
    const first = await open();
    const second = await open();
    await first.getByLabel("Title").fill("Islands reporter");
    await first.getByRole("button", { name: "Save byline" }).click();
    await expect(first.getByText("Saved. The byline page")).toBeVisible();
    await second.getByLabel("Title").fill("Ferry correspondent");
    await second.getByRole("button", { name: "Save byline" }).click();
    await expect(second.getByText("Someone saved this byline after you opened it")).toBeVisible();
    await expect(second.getByLabel("Title")).toHaveValue("Ferry correspondent");
  });

  test("a news agency's byline is an Organization in its stories' structured data, a person a Person; an editor says which", async ({
    browser,
  }) => {
    const story = "/business/wind-farm-tender-draws-record-bids";
    const reader = await browser.newPage();
    const authorLd = async () => {
      await reader.goto(story);
      const ld = JSON.parse((await reader.locator('script[type="application/ld+json"]').first().textContent())!);
      return ld.author.find((a: { name: string }) => a.name === "Northern Wire") as Record<string, unknown>;
    };
    // The demo's agency is an organization: no job title, as Google's article guidelines ask.
    expect(await authorLd()).toEqual({
      "@type": "Organization",
      name: "Northern Wire",
      url: expect.stringContaining("/authors/northern-wire"),
    });

    const context = await newContext(browser, { storageState: storageStatePath("editor") });
    const page = await context.newPage();
    await page.goto("/admin/bylines");
    await expect(page.getByRole("row", { name: /Northern Wire/ })).toContainText("Organization");
    await page.getByRole("link", { name: "Northern Wire" }).click();
    const organization = page.getByRole("radio", { name: /^An organization/ });
    await expect(organization).toBeChecked();
    await page.screenshot({ path: "test-results/screens/byline-organization.png", fullPage: true });
    const save = async () => {
      await page.getByRole("button", { name: "Save byline" }).click();
      await expect(page.getByText("Saved. The byline page")).toBeVisible();
    };
    try {
      await page.getByRole("radio", { name: "A person" }).check();
      await save();
      await expect.poll(async () => (await authorLd())["@type"], { timeout: 10_000 }).toBe("Person");
      expect(await authorLd()).toMatchObject({ jobTitle: "News agency" });
    } finally {
      await organization.check();
      await save();
    }
    await expect.poll(async () => (await authorLd())["@type"], { timeout: 10_000 }).toBe("Organization");
    await context.close();
  });

  test("on a phone the story editor's new-byline box says what it is for in full", async ({ browser }) => {
    // Its placeholder, "New byline, e.g. a freelancer", was cut off at 390 px.
    const context = await newContext(browser, { storageState: storageStatePath("editor"), viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto("/admin/articles/new");
    const box = page.getByLabel("New byline name");
    const hint = page.getByText("For a name not in the list yet, e.g. a freelancer or a news agency.");
    await expect(hint).toBeVisible();
    await expect(box).toHaveAttribute("aria-describedby", /\bnew-byline-hint\b/);
    await box.scrollIntoViewIfNeeded();
    const fit = await box.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = style.font;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: context.measureText(input.placeholder).width, room };
    });
    expect(fit.text).toBeGreaterThan(0);
    expect(fit.text).toBeLessThanOrEqual(fit.room);
    // The hint is not cut either: it wraps inside the screen.
    const line = (await hint.boundingBox())!;
    expect(line.x).toBeGreaterThanOrEqual(0);
    expect(line.x + line.width).toBeLessThanOrEqual(390);
    await page.locator(".picker").filter({ has: box }).screenshot({ path: "test-results/screens/new-byline-390.png" });
    await context.close();
  });

  test("a writer may not edit bylines", async ({ browser }) => {
    const context = await newContext(browser, { storageState: storageStatePath("writer") });
    const page = await context.newPage();
    expect((await page.goto("/admin/bylines"))?.status()).toBe(403);
    await page.goto("/admin");
    await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Bylines" })).toHaveCount(0);
    await context.close();
  });
});
