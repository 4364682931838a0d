import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { storageStatePath } from "../env";
import { expect, newContext, test, unique, publishFromEditor } from "../fixtures";
import { makePhoto, makeWirePhoto, WIRE_PHOTO } from "../../lib/test/images";

// Issue 15, deliveries 4, 5, 6, 8 and 9: photos that remember their details, the photo form and
// picker, word-level diffs and the audit log in sentences, short sources, and the reader's page.

async function asEditor(browser: Browser): Promise<Page> {
  return (await newContext(browser, { storageState: storageStatePath("editor") })).newPage();
}

async function fixture(name: string, data: Buffer) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dateline-e2e-")), name);
  fs.writeFileSync(file, data);
  return file;
}

/** A new story with the fields publishing needs; the body is one paragraph per entry. */
async function draftStory(page: Page, headline: string, paragraphs: string[], dateline = "") {
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline").fill(headline);
  if (dateline) await page.getByLabel("Dateline", { exact: true }).fill(dateline);
  await page.getByLabel("Section").selectOption({ label: "World" });
  await page.getByLabel("Add a byline").selectOption({ label: "Daniel Reyes" });
  await page.getByRole("textbox", { name: "Story body" }).click();
  for (const [i, text] of paragraphs.entries()) {
    if (i > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(text);
  }
}

async function createAndPublish(page: Page) {
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
  await publishFromEditor(page);
  await expect(page.getByRole("heading", { name: /Status: Published/ })).toBeVisible();
  return `/world/${await page.getByLabel("Slug").inputValue()}`;
}

test.describe("photos that remember their details", () => {
  test.setTimeout(300_000);

  test("a wire photo keeps its IPTC/XMP details in the library, is found again on re-upload, pre-fills a second story, and readers see its credit", async ({
    browser,
  }) => {
    const tag = unique();
    const page = await asEditor(browser);
    const file = await fixture(`kyiv-strike-${tag}.jpg`, await makeWirePhoto(Number.parseInt(tag, 36) % 997));

    // Upload: the library record holds what the file says, for the editor to confirm.
    await page.goto("/admin/media");
    await page.getByLabel("Choose photos").setInputFiles(file);
    await page.getByRole("link", { name: "Uploaded: check the credit and add alt text" }).click();
    await expect(page).toHaveURL(/\/admin\/media\/c[a-z0-9]{20,}$/);
    const photoUrl = page.url();
    await expect(page.getByTestId("read-from-file")).toContainText(
      "Read from the photo file at upload: caption, photographer, agency, copyright, usage terms, date taken.",
    );
    await expect(page.getByLabel("Caption")).toHaveValue(WIRE_PHOTO.caption);
    expect(await page.getByLabel("Caption").evaluate((el) => el.tagName)).toBe("TEXTAREA");
    await expect(page.getByLabel("Photographer")).toHaveValue(WIRE_PHOTO.creator);
    await expect(page.getByLabel("Agency or source")).toHaveValue(WIRE_PHOTO.agency);
    await expect(page.getByLabel("Copyright notice")).toHaveValue(WIRE_PHOTO.copyright);
    await expect(page.getByLabel("License or usage terms")).toHaveValue(WIRE_PHOTO.usageTerms);
    await expect(page.getByLabel("Date taken")).toHaveValue("2023-04-12");
    await expect(page.getByTestId("credit-line")).toHaveText("Photo: Roman Pilipey/Getty Images");

    // Alt text: guidance and a length hint that counts as the editor types.
    await expect(page.getByText("Say what the photo shows for someone who cannot see it")).toBeVisible();
    const alt = "A woman walks past an apartment block whose upper floors were torn open by a missile.";
    await page.getByLabel("Alt text").fill(alt);
    await expect(page.getByTestId("alt-length")).toHaveText(`${alt.length}/150 characters`);
    await page.getByLabel("Alt text").fill(alt.repeat(2));
    await expect(page.getByTestId("alt-length")).toContainText("long alt text is read out in full");
    await page.getByLabel("Alt text").fill(alt);
    await page.getByRole("button", { name: "Confirm and save details" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(page.getByTestId("read-from-file")).toHaveCount(0);

    // Crop to 16:9 around the focal point: the variants readers get are made again.
    await page.getByLabel("Shape").selectOption("16:9");
    await expect(page.getByTestId("crop-preview")).toBeVisible();
    await expect(page.getByTestId("crop-size")).toContainText("After saving: 1600×900 px");
    await page.screenshot({ path: "test-results/screens/photo-form.png", fullPage: true });
    await page.getByRole("button", { name: "Save crop" }).click();
    await expect(page.getByText("Crop saved")).toBeVisible();
    await expect(page.getByTestId("variant-list")).toContainText("1600×900");
    await expect(page.getByTestId("variant-list")).toContainText("960×540");

    // The same file again finds the stored photo, with the details the editor confirmed.
    await page.goto("/admin/media");
    await page.getByLabel("Choose photos").setInputFiles(file);
    await page.getByRole("link", { name: "Already in the library: open it" }).click();
    await expect(page).toHaveURL(photoUrl);
    await expect(page.getByLabel("Alt text")).toHaveValue(alt);

    // A story: the picker finds the photo by its file name, labelled, and offers the library's details.
    const headline = `Strike damages Kyiv apartment block ${tag}`;
    await draftStory(page, headline, ["Rescuers searched the rubble through the night, officials said."], "KYIV, Ukraine");
    await page.getByRole("button", { name: "Add a source" }).click();
    await page.getByLabel("URL", { exact: true }).fill("https://example.org/kyiv/statement");
    await page.getByLabel("Title", { exact: true }).fill("City administration statement");
    await expect(page.getByLabel("Publisher")).toBeHidden();
    await page.locator("#hero-search").fill(`kyiv-strike-${tag}`);
    const hero = page.getByRole("radiogroup", { name: "Choose the hero photo" });
    await expect(hero.getByRole("radio")).toHaveCount(2); // "No photo" and the one match
    await expect(hero.getByRole("radio", { name: /A woman walks past a residential building.*Roman Pilipey\/Getty Images/ })).toBeVisible();
    await hero.getByRole("radio", { name: /Roman Pilipey/ }).check();
    const details = page.getByTestId("library-details");
    await expect(details).toContainText(WIRE_PHOTO.caption);
    await expect(details).toContainText("Photo: Roman Pilipey/Getty Images");
    await expect(details).toContainText(WIRE_PHOTO.copyright);
    await expect(details).toContainText(WIRE_PHOTO.usageTerms);
    await expect(details).toContainText("2023-04-12");
    await expect(page.getByTestId("credit-preview")).toHaveText("Credit as readers will see it: Photo: Roman Pilipey/Getty Images");
    await page.locator(".hero-picker").screenshot({ path: "test-results/screens/hero-picker.png" });
    const first = await createAndPublish(page);

    // A second story uses the same photo with a free-form credit of its own.
    const second = `Families return to damaged Kyiv block ${tag}`;
    await draftStory(page, second, ["Residents came back for their belongings."]);
    await page.locator("#hero-search").fill(`kyiv-strike-${tag}`);
    await expect(page.getByRole("radiogroup", { name: "Choose the hero photo" }).getByRole("radio")).toHaveCount(2);
    await page
      .getByRole("radiogroup", { name: "Choose the hero photo" })
      .getByRole("radio", { name: /Roman Pilipey/ })
      .check();
    await expect(page.getByTestId("library-details")).toContainText("Photo: Roman Pilipey/Getty Images");
    await page.getByLabel("Credit line for this story (free form)").fill("Handout/Ministry of Defence");
    await expect(page.getByTestId("credit-preview")).toHaveText("Credit as readers will see it: Photo: Handout/Ministry of Defence");
    const secondPath = await createAndPublish(page);

    // Readers, on a 390 px phone, without JavaScript: one-line masthead, the dateline leading the
    // first paragraph, the credit apart from the caption, and only the source's title.
    const phone = await (await newContext(browser, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false })).newPage();
    await phone.goto(first);
    const masthead = phone.locator(".masthead-inner");
    const box = (await masthead.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(56);
    const tops = await phone
      .locator(".wordmark, .masthead nav li a, .search-link")
      .evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(12);
    expect(await phone.locator(".masthead nav").evaluate((nav) => nav.scrollWidth > nav.clientWidth)).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const lead = phone.locator(".article-body p").first();
    await expect(lead).toHaveText("KYIV, Ukraine — Rescuers searched the rubble through the night, officials said.");
    expect(await lead.locator(".dateline").evaluate((el) => getComputedStyle(el).fontVariantCaps)).toBe("small-caps");
    const figure = phone.locator(".article-figure").first();
    await expect(figure.locator(".credit")).toHaveText("Photo: Roman Pilipey/Getty Images");
    await expect(figure.locator(".caption")).toHaveText(WIRE_PHOTO.caption);
    const caption = (await figure.locator(".caption").boundingBox())!;
    const credit = (await figure.locator(".credit").boundingBox())!;
    expect(credit.y).toBeGreaterThanOrEqual(caption.y + caption.height - 1);
    await expect(figure.locator("img")).toHaveAttribute("src", /-c\d+x\d+x1600x900-w1600\.jpg$/);
    await expect(figure.locator("img")).toHaveAttribute("width", "1600");
    await expect(figure.locator("img")).toHaveAttribute("height", "900");
    const sources = phone.getByRole("region", { name: "Sources" });
    await expect(sources.getByRole("listitem")).toHaveText("City administration statement");
    await expect(sources).not.toContainText("Other");
    await phone.screenshot({ path: "test-results/screens/article-phone.png", fullPage: true });
    // Axe runs as a script, so it checks the same page in a phone with JavaScript on.
    const axePage = await (await newContext(browser, { viewport: { width: 390, height: 844 } })).newPage();
    await axePage.goto(first);
    const { violations } = await new AxeBuilder({ page: axePage }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // On a wide screen the related stories line up with the article column.
    const desk = await (await newContext(browser, { viewport: { width: 1280, height: 900 } })).newPage();
    await desk.goto(first);
    await expect(desk.locator(".related").getByRole("link", { name: second })).toBeVisible();
    const articleLeft = (await desk.locator(".article-page article").boundingBox())!.x;
    expect(Math.abs((await desk.locator(".related").boundingBox())!.x - articleLeft)).toBeLessThanOrEqual(1);
    expect(Math.abs((await desk.locator(".article-body").boundingBox())!.x - articleLeft)).toBeLessThanOrEqual(1);

    await phone.goto(secondPath);
    await expect(phone.locator(".article-figure .credit")).toHaveText("Photo: Handout/Ministry of Defence");
    await expect(phone.locator(".article-figure .caption")).toHaveText(WIRE_PHOTO.caption);
  });
});

test.describe("revisions and the audit log", () => {
  test.setTimeout(120_000);

  test("a one-letter fix is marked inside its paragraph, and the log tells it in sentences filterable by story and person", async ({
    browser,
  }) => {
    const tag = unique();
    const page = await asEditor(browser);
    const headline = `Bridge to reopen ${tag}`;
    await draftStory(page, headline, ["The mayor said the bridge would reopen on Mondy.", "Traffic will be light."]);
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(page.getByText("All changes saved")).toBeVisible();

    const body = page.getByRole("textbox", { name: "Story body" });
    await body.getByText("The mayor said the bridge would reopen on Mondy.").click();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("a");
    await expect(body).toContainText("reopen on Monday.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("All changes saved")).toBeVisible();
    await publishFromEditor(page);
    await expect(page.getByRole("heading", { name: /Status: Published/ })).toBeVisible();

    await page.getByRole("link", { name: "Revisions and audit" }).click();
    // The story as created against the story as published.
    await page.getByLabel("Older").selectOption({ label: (await page.getByLabel("Older").locator("option").last().textContent())! });
    await page.getByLabel("Newer").selectOption({ label: (await page.getByLabel("Newer").locator("option").first().textContent())! });
    await page.getByRole("button", { name: "Compare" }).click();
    const changed = page.getByTestId("diff-changed");
    await expect(changed).toHaveCount(1);
    await expect(changed).toHaveText("~ The mayor said the bridge would reopen on MondyMonday.");
    await expect(changed.locator("del")).toHaveText("Mondy");
    await expect(changed.locator("ins")).toHaveText("Monday");
    await expect(page.locator(".field-diff")).not.toContainText("− The mayor said");
    await page.locator(".field-diff").screenshot({ path: "test-results/screens/word-diff.png" });

    const sentences = page.getByTestId("audit-sentence");
    await expect(sentences.first()).toHaveText(new RegExp(`^E2E editor published ‘${headline}’ at \\d{2}:\\d{2}$`));
    await expect(sentences.filter({ hasText: `E2E editor created ‘${headline}’ at` })).toHaveCount(1);
    await expect(page.locator("main")).not.toContainText("{");

    // The audit page: by story (headline search), by person, and the one-story link.
    await page.goto("/admin/audit");
    await page.getByLabel("Story headline").fill(tag);
    await page.getByLabel("Person").selectOption({ label: "E2E editor" });
    await page.getByRole("button", { name: "Filter" }).click();
    const log = page.getByTestId("audit-sentence");
    await expect(log.first()).toHaveText(new RegExp(`^E2E editor published ‘${headline}’ at \\d{2}:\\d{2}$`));
    await expect(log.last()).toHaveText(new RegExp(`^E2E editor created ‘${headline}’ at \\d{2}:\\d{2}$`));
    await page.screenshot({ path: "test-results/screens/audit-log.png", fullPage: true });
    await page.getByLabel("Person").selectOption({ label: "E2E writer" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("Nothing matches these filters.")).toBeVisible();

    await page.goto("/admin/audit");
    await page.getByRole("link", { name: "this story only" }).first().click();
    await expect(page.getByText(/^Showing one story/)).toBeVisible();
  });

  test("a revision diff names what changed in the section, the bylines, the tags and the story's photo, not only in its text", async ({
    browser,
  }) => {
    const tag = unique();
    const page = await asEditor(browser);
    const filename = `bridge-dawn-${tag}.jpg`;
    await page.goto("/admin/media");
    await page
      .getByLabel("Choose photos")
      .setInputFiles(await fixture(filename, await makePhoto("jpeg", 1200, 800, Number.parseInt(tag, 36) % 997)));
    await expect(page.getByRole("link", { name: "Uploaded: check the credit and add alt text" })).toBeVisible();

    await draftStory(page, `Bridge works begin ${tag}`, ["Work on the bridge began on Monday."]);
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await expect(page.getByText("All changes saved")).toBeVisible();

    await page.getByLabel("Section").selectOption({ label: "Science" });
    await page.getByLabel("Add a byline").selectOption({ label: "Maria Okonkwo" });
    await page.getByLabel("Add a tag").fill("Flooding");
    await page.getByRole("button", { name: "Add tag" }).click();
    await expect(page.getByRole("button", { name: "Remove tag Flooding" })).toBeVisible();
    await page.locator("#hero-search").fill(filename);
    await page
      .getByRole("radiogroup", { name: "Choose the hero photo" })
      .getByRole("radio", { name: new RegExp(filename) })
      .check();
    await page.getByLabel("Caption for this story").fill("The bridge at dawn. Crews arrived at six.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("All changes saved")).toBeVisible();

    // The revisions page compares the last two saves by default.
    await page.getByRole("link", { name: "Revisions and audit" }).click();
    const diff = page.locator(".field-diff");
    await expect(diff.getByRole("heading", { name: "Section" })).toBeVisible();
    const field = (name: string) => diff.locator("section").filter({ has: page.getByRole("heading", { name, exact: true }) });
    await expect(field("Section")).toContainText("World");
    await expect(field("Section")).toContainText("Science");
    await expect(field("Bylines").locator(".diff-added")).toHaveText("+ Maria Okonkwo");
    await expect(field("Bylines")).toContainText("Daniel Reyes");
    await expect(field("Tags").locator(".diff-added")).toHaveText("+ Flooding");
    await expect(field("Tags").locator(".diff-removed")).toHaveCount(0); // no tags before: nothing removed, not an empty line
    await expect(field("Hero photo").locator(".diff-added")).toHaveText([
      `+ ${filename}`,
      "+ Caption for this story: The bridge at dawn. Crews arrived at six.",
    ]);
    // Names, never the database's ids.
    await expect(diff).not.toContainText(/\bc[a-z0-9]{20,}\b/);
    await diff.screenshot({ path: "test-results/screens/revision-diff-fields.png" });
  });
});
