import type { Page } from "@playwright/test";
import { storageStatePath } from "../env";
import { adminHydrated, expect, newContext, test, unique } from "../fixtures";
import { apiAs, makeStory, openStory } from "../newsroom";

/** Types a language into the settings form and saves it; the field then holds the tag as stored. */
async function saveLanguage(page: Page, typed: string) {
  await page.goto("/admin/settings");
  await adminHydrated(page);
  const form = page.getByRole("form", { name: "Site settings" });
  await form.getByLabel("Language of stories").fill(typed);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Saved. Every page, feed and sitemap shows the new settings now.")).toBeVisible();
  return form;
}

test.describe("the language of stories", () => {
  test("an admin sets it to Norwegian Bokmål; the story, its lists, the feed, the news sitemap and the API say so, and the site's own words stay English", async ({
    browser,
  }, testInfo) => {
    const context = await newContext(browser, { storageState: storageStatePath("admin") });
    const page = await context.newPage();
    const editor = await apiAs("editor");
    const story = await makeStory(editor, `Fjorden fryser igjen ${unique()}`, "PUBLISHED", {
      dek: "For første gang på tjue år ligger isen til byen.",
    });
    await editor.dispose();

    await page.goto("/admin/settings");
    await adminHydrated(page);
    const form = page.getByRole("form", { name: "Site settings" });
    const field = form.getByLabel("Language of stories");
    await expect(field).toHaveValue("en");
    await expect(form.getByText("en: English")).toBeVisible();

    // A refused save says why at the field and keeps what was typed.
    await field.fill("Norwegian");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByText("Enter a language tag such as en, nb or es-MX.")).toBeVisible();
    await expect(field).toHaveValue("Norwegian");
    await expect(field).toHaveAttribute("aria-invalid", "true");

    try {
      // The language is named as it is typed, and stored in its canonical form.
      await field.fill("nb-no");
      await expect(form.getByText("nb-NO: Norwegian Bokmål (Norway)")).toBeVisible();
      await form.getByRole("button", { name: "Save settings" }).click();
      await expect(form.getByText("Saved. Every page, feed and sitemap shows the new settings now.")).toBeVisible();
      await expect(field).toHaveValue("nb-NO");
      await page.reload();
      await adminHydrated(page);
      await expect(field).toHaveValue("nb-NO");
      await expect(form.getByText("nb-NO: Norwegian Bokmål (Norway)")).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath("settings-language.png"), fullPage: true });

      const reader = await browser.newPage();
      await reader.goto(`/${story.section}/${story.slug}`);
      await expect(reader.getByRole("heading", { level: 1, name: story.headline })).toBeVisible();
      // The page's own words stay English; the story in it is marked Norwegian, its labels English again.
      await expect(reader.locator("html")).toHaveAttribute("lang", "en");
      await expect(reader.locator("article")).toHaveAttribute("lang", "nb-NO");
      await expect(reader.locator("article .times")).toHaveAttribute("lang", "en");
      // "By" is the site's word; the names are the newsroom's, in the story's language.
      await expect(reader.locator('article .byline > span[lang="en"]')).toHaveText("By");
      expect(
        await reader
          .locator("article .byline a")
          .first()
          .evaluate((el) => el.closest("[lang]")?.getAttribute("lang")),
      ).toBe("nb-NO");
      const ld = JSON.parse(
        (await reader.request.get(`/${story.section}/${story.slug}`).then((r) => r.text())).match(
          /<script type="application\/ld\+json">(.*?)<\/script>/,
        )![1]!,
      );
      expect(ld.inLanguage).toBe("nb-NO");
      await expect(reader.locator('meta[property="og:locale"]')).toHaveAttribute("content", "nb_NO");

      // Its card on the section page and on the front page.
      await reader.goto(`/${story.section}`);
      const card = reader.locator(".article-card", { hasText: story.headline });
      await expect(card).toBeVisible();
      expect(await card.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))).toBe("nb-NO");
      // The newsroom's own names around it are in its language too: the site's name, the sections
      // in the masthead and the footer, the section's heading; "Search" and the footer's sentence are the site's.
      const langOf = (locator: ReturnType<Page["locator"]>) => locator.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"));
      expect(await langOf(reader.getByRole("heading", { level: 1 }))).toBe("nb-NO");
      expect(await langOf(reader.locator(".masthead .wordmark"))).toBe("nb-NO");
      expect(await langOf(reader.getByRole("navigation", { name: "Sections" }).getByRole("link").first())).toBe("nb-NO");
      expect(await langOf(reader.getByRole("navigation", { name: "Site index" }).getByRole("link").first())).toBe("nb-NO");
      expect(await langOf(reader.locator(".masthead .search-link"))).toBe("en");
      expect(await langOf(reader.locator(".site-footer > p"))).toBe("en");
      await reader.goto("/");
      expect(
        await reader.locator(".article-card", { hasText: story.headline }).evaluate((el) => el.closest("[lang]")?.getAttribute("lang")),
      ).toBe("nb-NO");

      expect(await (await reader.request.get("/feed.xml")).text()).toContain("<language>nb-NO</language>");
      // Google News takes the ISO 639 code.
      const news = await (await reader.request.get("/news-sitemap.xml")).text();
      expect(news).toContain(`/${story.slug}</loc>`);
      expect(news).toContain("<news:language>nb</news:language>");
      expect(news).not.toContain("<news:language>en</news:language>");
      const api = await (await reader.request.get(`/api/v1/stories/${story.id}`)).json();
      expect(api.language).toBe("nb-NO");
      await reader.close();
    } finally {
      // Back to English for the other specs (they share this database).
      await expect(await saveLanguage(page, "en").then((f) => f.getByLabel("Language of stories"))).toHaveValue("en");
    }
    await context.close();
  });

  test("a language typed in capitals and saved from the keyboard before the field is left stays saved once the field shows it as stored", async ({
    browser,
  }) => {
    const api = await apiAs("editor");
    const story = await makeStory(api, `Teach solais ar an gcé ${unique()}`, "DRAFT");
    await api.dispose();
    const { context, page } = await openStory(browser, "editor", story);
    const field = page.getByLabel("Language", { exact: true });
    const state = page.getByTestId("save-state");
    await field.fill("GA");
    await page.keyboard.press("Control+s");
    await expect(state).toHaveText(/All changes saved/);
    await expect(field).toBeFocused();
    // Leaving the field shows the tag as stored: the same story, nothing unsaved (it said
    // "Unsaved changes" and saved again).
    await page.keyboard.press("Tab");
    await expect(field).toHaveValue("ga");
    // Read once, in the render that changed the field (an autosave would put it right a moment later).
    expect(await state.textContent()).toMatch(/^All changes saved/);
    await context.close();
  });

  test("an editor gives one story Welsh (cy) in the story editor; its page, card, feed item, news sitemap entry and API say cy while the site stays English", async ({
    browser,
  }, testInfo) => {
    const api = await apiAs("editor");
    const story = await makeStory(api, `Y fferi yn ailddechrau ${unique()}`, "PUBLISHED", { dek: "Mae'r gwasanaeth yn ôl ar ôl y storm." });
    const english = await makeStory(api, `Ferry resumes ${unique()}`, "PUBLISHED");
    await api.dispose();

    const { context, page } = await openStory(browser, "editor", story);
    const field = page.getByLabel("Language", { exact: true });
    // Empty: the site's language, which the hint names.
    await expect(field).toHaveValue("");
    await expect(field).toHaveAccessibleDescription(/Empty: the site's language, English \(en\)/);

    // A refused save says why at the field and keeps what was typed.
    await field.fill("Welsh");
    await page.getByRole("button", { name: "Save as minor fix" }).click();
    await expect(page.getByText("Enter a language tag such as en, nb or es-MX.")).toBeVisible();
    await expect(field).toHaveValue("Welsh");
    await expect(field).toHaveAttribute("aria-invalid", "true");

    // Named as it is typed; saved in its canonical form.
    await field.fill("CY");
    await expect(page.getByText("cy: Welsh", { exact: true })).toBeVisible();
    await expect(field).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Save as minor fix" }).click();
    await expect(page.getByTestId("save-state")).toHaveText(/All changes saved/);
    await expect(field).toHaveValue("cy");
    await page.reload();
    await adminHydrated(page);
    await expect(field).toHaveValue("cy");
    await expect(page.getByText("cy: Welsh", { exact: true })).toBeVisible();
    // With the story's other details: slug, dateline, section.
    const details = page.locator(".editor-side .card", { has: page.getByLabel("Slug") });
    await expect(details.getByLabel("Language", { exact: true })).toBeVisible();
    await details.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath("story-language-editor.png"), fullPage: true });
    await details.screenshot({ path: testInfo.outputPath("story-language-field.png") });

    const reader = await browser.newPage();
    const langOf = (locator: ReturnType<Page["locator"]>) => locator.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"));
    await reader.goto(`/${story.section}/${story.slug}`);
    await expect(reader.getByRole("heading", { level: 1, name: story.headline })).toBeVisible();
    await expect(reader.locator("html")).toHaveAttribute("lang", "en");
    await expect(reader.locator("article")).toHaveAttribute("lang", "cy");
    await expect(reader.locator("article .times")).toHaveAttribute("lang", "en");
    // The section's name above the headline is the site's word.
    expect(await langOf(reader.locator("article .kicker a"))).toBe("en");
    await expect(reader.locator('meta[property="og:locale"]')).toHaveAttribute("content", "cy_GB");
    const jsonLd = async (path: string) =>
      JSON.parse((await reader.request.get(path).then((r) => r.text())).match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!);
    expect((await jsonLd(`/${story.section}/${story.slug}`)).inLanguage).toBe("cy");
    // Another story on the same site is still in the site's language.
    expect((await jsonLd(`/${english.section}/${english.slug}`)).inLanguage).toBe("en");

    // Its card, in a list in the site's language.
    for (const path of [`/${story.section}`, "/"]) {
      await reader.goto(path);
      const cards = reader.locator(".article-card", { hasText: story.headline });
      await expect(cards.first()).toBeVisible();
      // The front page may show it twice (the latest stories, and its section's).
      expect(new Set(await cards.evaluateAll((els) => els.map((el) => el.getAttribute("lang"))))).toEqual(new Set(["cy"]));
      // Its section's name on the card is the site's word, not Welsh (a screen reader read "World" as Welsh).
      expect(await langOf(cards.first().locator(".kicker"))).toBe("en");
      expect(await langOf(reader.locator(".article-list").first())).toBe("en");
      expect(await langOf(reader.locator(".article-card", { hasText: english.headline }).first())).toBe("en");
    }
    await reader.close();

    const request = await apiAs("editor");
    const feed = await (await request.get("/feed.xml")).text();
    expect(feed).toContain("<language>en</language>");
    const feedItem = (headline: string) => feed.split("<item>").find((i) => i.includes(headline)) ?? "";
    expect(feedItem(story.headline)).toContain("<dc:language>cy</dc:language>");
    expect(feedItem(english.headline)).not.toContain("<dc:language>");
    const news = await (await request.get("/news-sitemap.xml")).text();
    const newsEntry = (slug: string) => news.split("<url>").find((u) => u.includes(`/${slug}</loc>`)) ?? "";
    expect(newsEntry(story.slug)).toContain("<news:language>cy</news:language>");
    expect(newsEntry(english.slug)).toContain("<news:language>en</news:language>");
    expect((await (await request.get(`/api/v1/stories/${story.id}`)).json()).language).toBe("cy");
    expect((await (await request.get(`/api/v1/stories/${english.id}`)).json()).language).toBe("en");
    await request.dispose();

    // The site's own language is as it was.
    const admin = await newContext(browser, { storageState: storageStatePath("admin") });
    const settings = await admin.newPage();
    await settings.goto("/admin/settings");
    await expect(settings.getByRole("form", { name: "Site settings" }).getByLabel("Language of stories")).toHaveValue("en");
    await admin.close();
    await context.close();
  });
});
