import { test, expect, type Page } from "@playwright/test";

const WIRE_HEADLINE = "“The sea has already decided”: Harrow Point votes to move its town centre inland";

test.describe("a reader", () => {
  test("opens the front page and reads the wire story with its photo credit, sources and correction", async ({ page }) => {
    await page.goto("/");
    const lead = page.getByRole("link", { name: WIRE_HEADLINE });
    await expect(lead).toBeVisible();
    await lead.click();

    await expect(page).toHaveURL(/\/climate\/the-sea-has-already-decided/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(WIRE_HEADLINE);
    await expect(page.getByText("HARROW POINT, Cardell Coast")).toBeVisible();
    await expect(page.locator("time").first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);

    const figure = page.locator("figure").first();
    await expect(figure.getByRole("img")).toHaveAttribute("alt", /harbour road covered by shallow floodwater/);
    await expect(figure.locator("figcaption")).toContainText("Residents walk along the flooded harbour road");
    await expect(figure.locator("figcaption")).toContainText("Elena Marsh/Northern Wire Photo");
    const photo = await page.request.get((await figure.getByRole("img").getAttribute("src"))!);
    expect(photo.status()).toBe(200);
    expect(photo.headers()["content-type"]).toBe("image/jpeg");

    await expect(page.locator(".article-body p")).toHaveCount(15);

    const sources = page.getByRole("region", { name: "Sources" });
    await expect(sources.getByRole("link")).not.toHaveCount(0);
    await expect(sources.getByRole("link", { name: /minutes of the special meeting/ })).toHaveAttribute("href", /^https:\/\//);
    expect(await sources.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);

    const corrections = page.getByRole("region", { name: "Corrections and updates" });
    await expect(corrections).toContainText("An earlier version of this story said the plan would relocate 4,100 homes.");

    await page.screenshot({ path: "test-results/screens/article.png", fullPage: true });
  });

  test("gets a 404 for a draft, a story in review and an unpublished story", async ({ page }) => {
    for (const path of [
      "/politics/council-candidates-debate-housing",
      "/world/new-ferry-route-to-the-islands",
      "/politics/election-commission-publishes-new-boundaries",
      "/climate/river-levels-warning-lifted",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });

  test("is sent to the canonical section address with a 308", async ({ request }) => {
    // The second address has a query string: the front cache passes it to Next untouched (its own
    // HTTP hop would fold a repeated header into one), so Next's own headers are what arrive.
    for (const query of ["", "?from=feed"]) {
      const response = await request.get(`/world/the-sea-has-already-decided-harrow-point-votes-to-move-inland${query}`, {
        maxRedirects: 0,
      });
      expect(response.status(), query).toBe(308);
      // One Location header, not the same one twice (an ISR-rendered redirect sent it twice, vercel/next.js#82117).
      const locations = response.headersArray().filter((header) => header.name.toLowerCase() === "location");
      expect(locations, query).toHaveLength(1);
      expect(locations[0]!.value, query).toMatch(/^\/climate\/the-sea-has-already-decided-harrow-point-votes-to-move-inland(\?|$)/);
    }
  });

  test("is sent to the lower-case address of a section, tag or byline typed in capitals", async ({ request }) => {
    for (const [typed, address] of [
      ["/World", "/world"],
      ["/POLITICS/p/1", "/politics/p/1"],
      ["/World/feed.xml", "/world/feed.xml"],
      ["/authors/Maria-Okonkwo", "/authors/maria-okonkwo"],
    ]) {
      const response = await request.get(typed!, { maxRedirects: 0 });
      expect(response.status(), typed).toBe(308);
      expect(response.headers()["location"], typed).toBe(address);
    }
    const story = await request.get("/world/the-sea-has-already-decided-harrow-point-votes-to-move-inland");
    const tagPath = /href="(\/tags\/[a-z0-9-]+)"/.exec(await story.text())![1]!;
    const capitals = await request.get(`/tags/${tagPath.slice("/tags/".length).toUpperCase()}`, { maxRedirects: 0 });
    expect(capitals.status()).toBe(308);
    expect(capitals.headers()["location"]).toBe(tagPath);
    // An address no section has is still missing, in any letter case.
    for (const missing of ["/Nowhere-Section", "/Nowhere-Section/feed.xml", "/tags/No-Such-Tag", "/authors/Nobody-Here"]) {
      expect((await request.get(missing, { maxRedirects: 0 })).status(), missing).toBe(404);
    }
  });

  test("searches on a 320-pixel screen without scrolling sideways", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ["/search", "/search?q=harbour"]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
      const button = (await page.getByRole("button", { name: "Search", exact: true }).boundingBox())!;
      expect(button.x + button.width, path).toBeLessThanOrEqual(320);
    }
  });

  test("on a phone each section reached by Tab in the masthead's strip is scrolled into full view, its focus ring inside the strip", async ({
    page,
  }) => {
    // One link half under the strip's fade was not scrolled to, and the scrolling box cut every ring.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    const count = await page.locator(".masthead nav a").count();
    expect(count).toBeGreaterThan(3);
    await page.locator(".wordmark").focus();
    for (let n = 0; n < count; n++) {
      await page.keyboard.press("Tab");
      const where = await page.evaluate(() => {
        const link = document.activeElement!;
        const nav = link.closest(".masthead nav");
        const l = link.getBoundingClientRect();
        const box = nav!.getBoundingClientRect();
        return {
          name: link.textContent,
          left: l.left - box.left,
          right: box.right - l.right,
          mask: getComputedStyle(nav!).maskImage,
          ring: parseFloat(getComputedStyle(link).outlineOffset) + parseFloat(getComputedStyle(link).outlineWidth),
        };
      });
      expect(where.left, where.name!).toBeGreaterThanOrEqual(0);
      expect(where.right, where.name!).toBeGreaterThanOrEqual(0);
      // Nothing is faded while the keyboard is in the strip.
      expect(where.mask, where.name!).toBe("none");
      expect(where.ring, where.name!).toBeLessThanOrEqual(0);
      if (n === 2) await page.locator(".masthead").screenshot({ path: "test-results/screens/masthead-tab-390.png" });
    }
  });

  test("the masthead marks the section the reader is in: its page as the current page, a story in it as the current section", async ({
    page,
  }) => {
    const masthead = page.getByRole("navigation", { name: "Sections" });
    const current = masthead.locator("a[aria-current]");
    await page.goto("/");
    await expect(current).toHaveCount(0);
    await page.goto("/climate");
    await expect(current).toHaveCount(1);
    await expect(masthead.getByRole("link", { name: "Climate" })).toHaveAttribute("aria-current", "page");
    const story = await page.goto("/climate/the-sea-has-already-decided-harrow-point-votes-to-move-inland");
    expect(story?.status()).toBe(200);
    await expect(masthead.getByRole("link", { name: "Climate" })).toHaveAttribute("aria-current", "true");
    await page.locator(".masthead").screenshot({ path: "test-results/screens/masthead-current.png" });
    // Following a link within the site marks the new section (the masthead is not rendered again).
    await masthead.getByRole("link", { name: "Politics" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Politics" })).toBeVisible();
    await expect(current).toHaveCount(1);
    await expect(masthead.getByRole("link", { name: "Politics" })).toHaveAttribute("aria-current", "page");
    // The server's HTML says it too, before any script runs.
    const html = await (await page.request.get("/politics")).text();
    expect(html).toMatch(/<a href="\/politics" aria-current="page">Politics<\/a>/);
  });

  test("on a phone a story's section is in the masthead's strip on arrival, the page unscrolled, and an edge of the strip fades only with more past it", async ({
    browser,
  }) => {
    // Climate, the fifth section, was off the right of the strip, and nothing showed it could scroll back.
    const arrive = async (page: Page) => {
      await page.goto("/climate/the-sea-has-already-decided-harrow-point-votes-to-move-inland");
      const strip = page.getByRole("navigation", { name: "Sections" });
      const climate = strip.getByRole("link", { name: "Climate" });
      await expect(climate).toHaveAttribute("aria-current", "true");
      const inView = async () => {
        const [link, box] = [(await climate.boundingBox())!, (await strip.boundingBox())!];
        return link.x >= box.x && link.x + link.width <= box.x + box.width;
      };
      await expect.poll(inView).toBe(true);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      return { strip, inView };
    };
    const phone = { viewport: { width: 390, height: 844 } };

    // Without a script, Chromium does it with CSS alone (scroll-initial-target).
    const plain = await browser.newContext({ ...phone, javaScriptEnabled: false });
    await arrive(await plain.newPage());
    await plain.close();
    // A browser without scroll-initial-target has the strip's script do it.
    const older = await browser.newContext(phone);
    const page = await older.newPage();
    await page.route(/\.css$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replaceAll("scroll-initial-target", "--no-initial-target") });
    });
    await arrive(page);
    await page.unroute(/\.css$/);
    await older.close();

    const context = await browser.newContext(phone);
    const reader = await context.newPage();
    const { strip, inView } = await arrive(reader);
    await reader.locator(".masthead").screenshot({ path: "test-results/screens/masthead-current-390.png" });
    const fades = (scrollLeft?: number) =>
      strip.evaluate(async (nav, to) => {
        if (to !== undefined) nav.scrollLeft = to * (nav.scrollWidth - nav.clientWidth);
        // The fades follow the scroll position on the next frame.
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const style = getComputedStyle(nav);
        return { start: style.getPropertyValue("--strip-fade-start"), end: style.getPropertyValue("--strip-fade-end") };
      }, scrollLeft);
    // Scrolled to Climate, the start fades; in the middle both edges do, at the start only the end, at the end only the start.
    expect((await fades()).start).toBe("32px");
    expect(await fades(0.5)).toEqual({ start: "32px", end: "32px" });
    expect(await fades(0)).toEqual({ start: "0px", end: "32px" });
    expect(await fades(1)).toEqual({ start: "32px", end: "0px" });
    expect(await reader.evaluate(() => window.scrollY)).toBe(0);

    // On a wide screen nothing scrolls and nothing fades.
    await reader.setViewportSize({ width: 1280, height: 800 });
    expect(await strip.evaluate((nav) => [nav.scrollWidth <= nav.clientWidth, getComputedStyle(nav).maskImage])).toEqual([true, "none"]);
    await expect.poll(inView).toBe(true);
    await context.close();
  });

  test("browses a section and a byline page", async ({ page }) => {
    await page.goto("/politics");
    await expect(page.getByRole("heading", { level: 1, name: "Politics" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Provincial budget passes after an overnight session" })).toBeVisible();
    await expect(page.getByText("Council candidates debate housing")).toHaveCount(0);

    await page.goto("/authors/maria-okonkwo");
    await expect(page.getByRole("heading", { level: 1, name: "Maria Okonkwo" })).toBeVisible();
    await expect(page.getByRole("link", { name: WIRE_HEADLINE })).toBeVisible();
  });
});
