import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { HOSTILE, RAW_MARKUP } from "../hostile-corpus";
import { htmlEscape } from "../../lib/format/text";
import { readDatabase } from "../database";
import { apiAs } from "../newsroom";
import { actionOutcome, callServerAction, serverActionsInBuild } from "../server-actions";

// Issue 7: hostile text in every field a reader sees renders as text in HTML, stays data in
// JSON-LD, and keeps RSS and sitemaps well-formed. The story is saved by e2e/seed-hostile.ts.

const ARTICLE = `/world/${HOSTILE.slug}`;
const authorSlug = "zoe-the-pen-oneil-gnp-exe";

/** Nothing hostile became markup: no injected elements or handlers, no script carrying the payload. */
async function expectNoInjection(page: Page, url: string) {
  const html = await (await page.request.get(url)).text();
  // JSON-LD and Next's RSC payload hold the text as JSON string data (with "<" escaped), not markup.
  const markupOnly = html
    .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, "")
    .replace(/<script(?: nonce="[^"]*")?>\(?self\.__next_f[\s\S]*?<\/script>/g, "");
  for (const marker of RAW_MARKUP) expect(markupOnly, `${url} contains ${marker}`).not.toContain(marker);

  await page.goto(url);
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    handlers: [...document.querySelectorAll("*")].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${el.tagName} ${a.name}`),
    ),
    evil: document.querySelectorAll("evil, svg[onload], img[src='x']").length,
    scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent?.trim().startsWith("window.__pwned")).length,
  }));
  expect(found, url).toEqual({ pwned: null, handlers: [], evil: 0, scripts: 0 });
}

test.describe("hostile text in every field", () => {
  test("the article page shows every field as the text that was typed", async ({ page }) => {
    await expectNoInjection(page, ARTICLE);
    await expect(page.locator("h1")).toHaveText(HOSTILE.headline);
    await expect(page.locator(".dek")).toHaveText(HOSTILE.dek);
    // The dateline leads the first paragraph (issue 15).
    await expect(page.locator(".dateline")).toHaveText(`${HOSTILE.dateline} —`);
    await expect(page.locator(".article-body p").first()).toHaveText(`${HOSTILE.dateline} — ${HOSTILE.body[0]!}`);
    await expect(page.locator(".article-body p").nth(1)).toHaveText(HOSTILE.body[1]!);
    const figure = page.locator(".article-figure");
    await expect(figure.locator(".caption")).toHaveText(HOSTILE.caption);
    await expect(figure.locator(".credit")).toHaveText(`Photo: ${HOSTILE.credit}/${HOSTILE.agency}`);
    await expect(figure.locator("img")).toHaveAttribute("alt", HOSTILE.alt);
    const sources = page.getByRole("region", { name: "Sources" });
    await expect(sources.getByRole("link", { name: HOSTILE.sourceTitle })).toHaveAttribute("href", HOSTILE.sourceUrl);
    await expect(sources).toContainText(HOSTILE.sourcePublisher);
    await expect(sources).toContainText(HOSTILE.sourceNote);
    await expect(page.getByRole("region", { name: "Corrections and updates" })).toContainText(HOSTILE.correction);
    for (const tag of HOSTILE.tags)
      await expect(page.getByRole("list", { name: "Tags" }).getByRole("link", { name: tag, exact: true })).toBeVisible();
    await expect(page.locator(".byline")).toContainText(HOSTILE.authorName);
    // A right-to-left override in a name or credit cannot reorder the text that follows it.
    for (const selector of [".byline a", ".article-figure .credit", ".article-figure .caption", ".sources a", ".dateline"]) {
      expect(
        await page
          .locator(selector)
          .first()
          .evaluate((el) => getComputedStyle(el).unicodeBidi),
        selector,
      ).toBe("isolate");
    }
  });

  test("meta tags and JSON-LD carry the same strings as data", async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page).toHaveTitle(`${HOSTILE.headline} · The Dateline`);
    const meta = (selector: string) => page.locator(selector).getAttribute("content");
    expect(await meta('meta[property="og:title"]')).toBe(HOSTILE.headline);
    expect(await meta('meta[name="description"]')).toBe(HOSTILE.dek);
    expect(await meta('meta[property="og:description"]')).toBe(HOSTILE.dek);
    expect(await meta('meta[property="og:image:alt"]')).toBe(HOSTILE.alt);
    expect(await meta('meta[name="twitter:title"]')).toBe(HOSTILE.headline);

    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks.length).toBe(2);
    for (const block of blocks) expect(block).not.toMatch(/<\/script|<!--|]]>/i);
    const [article, breadcrumbs] = blocks.map((b) => JSON.parse(b));
    // Cut at 110 characters, after a whole word (so never inside the emoji that straddles the cut), with an ellipsis.
    expect(article.headline).toMatch(/…$/);
    expect(HOSTILE.headline.startsWith(article.headline.slice(0, -1))).toBe(true);
    expect(article.headline).not.toMatch(/[\uD800-\uDBFF]$/);
    expect(article.description).toBe(HOSTILE.dek);
    expect(article.image[0]).toMatchObject({ caption: HOSTILE.caption, creditText: `${HOSTILE.credit}/${HOSTILE.agency}` });
    expect(article.image[0].copyrightNotice).toContain(HOSTILE.copyright);
    expect(article.citation[0]).toMatchObject({
      name: HOSTILE.sourceTitle,
      url: HOSTILE.sourceUrl,
      publisher: { name: HOSTILE.sourcePublisher },
    });
    expect(article.correction[0].text).toContain(HOSTILE.correction);
    expect(article.author[0]).toMatchObject({ name: HOSTILE.authorName, jobTitle: HOSTILE.authorTitle });
    expect(article.keywords).toEqual(expect.arrayContaining(HOSTILE.tags));
    expect(breadcrumbs.itemListElement.at(-1).name).toBe(HOSTILE.headline);
  });

  test("the front, section, author, tag and search pages list it as text", async ({ page }) => {
    // Other specs publish stories before this one runs, so the story is no longer among the newest:
    // an editor puts it on the front page as its lead (the desk's own action), and the section's
    // pages are followed until it shows. The front goes back to the newest stories afterwards.
    const saveFront = serverActionsInBuild().find((x) => x.name === "saveFrontLayoutAction")!;
    const liveLayout = () =>
      readDatabase((db) => db.prepare("SELECT id FROM FrontLayout WHERE state = 'LIVE'").pluck().get() as string | undefined) ?? "";
    const id = readDatabase((db) => db.prepare("SELECT id FROM Article WHERE slug = ?").pluck().get(HOSTILE.slug) as string);
    const arrange = async (lead: { id: string; headline: string } | null) => {
      const editor = await apiAs("editor");
      const banner = { text: "", url: "", expiresLocal: "" };
      const saved = await callServerAction(editor, "/admin/front", saveFront, {
        basedOn: liveLayout(),
        arrangement: { lead, pinned: [], sections: [], banner },
      });
      expect(actionOutcome(saved.body)).toBe("ok");
      await editor.dispose();
    };
    await arrange({ id, headline: HOSTILE.headline });
    try {
      await expect.poll(async () => (await page.request.get("/")).text(), { timeout: 10_000 }).toContain(`href="${ARTICLE}"`);
      const sectionPage = async () => {
        for (let n = 1; n <= 30; n++) {
          const url = n === 1 ? "/world" : `/world/p/${n}`;
          const response = await page.request.get(url);
          if (response.status() !== 200) break;
          if ((await response.text()).includes(`href="${ARTICLE}"`)) return url;
        }
        return "/world";
      };
      // On a phone: the headline's long unbroken run wraps (as the lead, it widened the front page to 1,014 px).
      await page.setViewportSize({ width: 390, height: 844 });
      for (const url of ["/", await sectionPage(), `/authors/${authorSlug}`, `/search?q=${encodeURIComponent("Quote")}`]) {
        await expectNoInjection(page, url);
        await expect(page.locator(`a[href="${ARTICLE}"]`).first(), url).toContainText(HOSTILE.headline);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
      }
    } finally {
      await arrange(null);
    }
    await page.goto(`/authors/${authorSlug}`);
    await expect(page.locator("h1")).toHaveText(HOSTILE.authorName);
    await expect(page.locator("main")).toContainText(HOSTILE.authorBio);
    await expect(page.locator("main")).toContainText(HOSTILE.authorTitle);
    await page.goto(ARTICLE);
    for (const tag of HOSTILE.tags) {
      await page.goto(ARTICLE);
      await page.getByRole("list", { name: "Tags" }).getByRole("link", { name: tag, exact: true }).click();
      await expect(page.locator("h1")).toHaveText(tag);
      await expectNoInjection(page, page.url());
    }
  });

  test("RSS and sitemaps stay well-formed XML and carry the exact text", async ({ request }) => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      processEntities: true,
      htmlEntities: false,
      parseTagValue: false,
      trimValues: false,
    });
    const xml = async (url: string) => {
      const body = await (await request.get(url)).text();
      expect(XMLValidator.validate(body), url).toBe(true);
      expect(body, url).not.toContain("<evil/>");
      return parser.parse(body);
    };
    for (const url of ["/feed.xml", "/world/feed.xml"]) {
      const items = [(await xml(url)).rss.channel.item].flat();
      const ours = items.find((i: { link: string }) => i.link.endsWith(ARTICLE));
      expect(ours, url).toBeTruthy();
      expect(ours.title).toBe(HOSTILE.headline);
      // A description is read as HTML by feed readers: the dek arrives as its text escaped for HTML.
      expect(ours.description).toBe(htmlEscape(HOSTILE.dek).replace(/\r?\n/g, "<br>"));
    }
    const sitemapIndexOrSet = await xml("/sitemap.xml");
    expect(JSON.stringify(sitemapIndexOrSet)).toContain(HOSTILE.slug);
    const news = await xml("/news-sitemap.xml");
    const entry = [news.urlset.url].flat().find((u: { loc: string }) => u.loc.endsWith(ARTICLE));
    expect(entry["news:news"]["news:title"]).toBe(HOSTILE.headline);
  });
});
