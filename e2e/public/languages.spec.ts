import type { Locator } from "@playwright/test";
import { storageStatePath } from "../env";
import { adminHydrated, expect, test, unique } from "../fixtures";
import { apiAs, makeStory } from "../newsroom";

const direction = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).direction);

test.describe("stories in other scripts", () => {
  test("a story in Arabic reads right to left, and an English paragraph in it left to right", async ({ page }, testInfo) => {
    const editor = await apiAs("editor");
    const headline = `«ما زلنا هنا»: سكان المدينة يعودون ${unique()}`;
    const story = await makeStory(editor, headline, "PUBLISHED", {
      slug: `arabic-story-${unique()}`,
      dek: "عاد مئات السكان إلى منازلهم صباح الثلاثاء.",
      // Filed from a place written in Latin letters: the paragraph it leads still reads right to left.
      dateline: "GAZA CITY",
      paragraphs: ["«ما زلنا هنا»، قالت إحدى السكان.", "“We are still here,” a resident said in English."],
    });
    await editor.dispose();

    await page.goto(`/${story.section}/${story.slug}`);
    const heading = page.getByRole("heading", { level: 1, name: headline });
    await expect(heading).toBeVisible();
    expect(await direction(heading)).toBe("rtl");
    expect(await direction(page.locator(".article-header .dek"))).toBe("rtl");
    const lead = page.locator(".article-body p", { hasText: "قالت إحدى السكان" });
    await expect(lead).toContainText("GAZA CITY —");
    expect(await direction(lead)).toBe("rtl");
    expect(await direction(page.locator(".article-body p", { hasText: "a resident said in English" }))).toBe("ltr");
    // The page around it stays English: the byline and the site's own words read left to right.
    expect(await direction(page.locator(".article-header .times"))).toBe("ltr");
    await page.screenshot({ path: testInfo.outputPath("arabic-story.png"), fullPage: true });

    // Its card on the section page too.
    await page.goto(`/${story.section}`);
    const card = page.locator(".article-card", { hasText: headline });
    expect(await direction(card.getByRole("heading", { name: headline }))).toBe("rtl");
    expect(await direction(card.locator(".dek"))).toBe("rtl");
  });
});

test.describe("the desk in other scripts", () => {
  test.use({ storageState: storageStatePath("editor") });

  test("proposes a Latin address for a Cyrillic headline and takes a Cyrillic tag", async ({ page }) => {
    await page.goto("/admin/articles/new");
    await adminHydrated(page);
    await page.getByLabel("Headline").fill("Київ готується до зими");
    await expect(page.getByLabel("Slug")).toHaveValue("kiiv-gotuietsya-do-zimi");
    // Typed over, the address stays the editor's.
    await page.getByLabel("Slug").fill("kyiv-prepares-for-winter");
    await page.getByLabel("Headline").fill("Київ готується до зими, знову");
    await expect(page.getByLabel("Slug")).toHaveValue("kyiv-prepares-for-winter");

    // Only Cyrillic letters: slugify alone made no address of it, and the tag was refused.
    const tagName = "Харків";
    await page.getByLabel("Add a tag").fill(tagName);
    await page.getByRole("button", { name: "Add tag" }).click();
    await expect(page.locator(".chip", { hasText: tagName })).toBeVisible();
    await expect(page.locator("#tag-error")).toBeEmpty();
  });
});
