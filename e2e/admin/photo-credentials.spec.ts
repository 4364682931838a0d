import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { storageStatePath } from "../env";
import { expect, newContext, test, unique, publishFromEditor } from "../fixtures";

// Issue 19, part 3: photo provenance. The sample photos (lib/provenance/fixtures, CC0) were signed
// by a test authority whose root the e2e server trusts (DATELINE_C2PA_TRUST_ANCHORS in e2e/env.ts).

const FIXTURES = path.join(process.cwd(), "lib", "provenance", "fixtures");
const SIGNER = "Northwind Photo Agency (Northwind Test Authority)";

async function asEditor(browser: Browser): Promise<Page> {
  return (await newContext(browser, { storageState: storageStatePath("editor") })).newPage();
}

/** A fixture under a name of this run's own (the library is searched by file name); the bytes stay signed. */
function named(fixture: string, name: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dateline-e2e-")), name);
  fs.copyFileSync(path.join(FIXTURES, fixture), file);
  return file;
}

async function upload(page: Page, file: string): Promise<string> {
  await page.goto("/admin/media");
  await page.getByLabel("Choose photos").setInputFiles(file);
  await page.getByRole("link", { name: "Uploaded: check the credit and add alt text" }).click();
  await expect(page).toHaveURL(/\/admin\/media\/c[a-z0-9]{20,}$/);
  return page.url().split("/").pop()!;
}

test.describe("photo provenance (Content Credentials)", () => {
  test.setTimeout(240_000);

  test("a signed photo shows its credentials on the desk and to readers, without location; a tampered one does not validate", async ({
    browser,
  }) => {
    const tag = unique();
    const page = await asEditor(browser);

    // The signed photo (it also carries GPS in its EXIF and in its manifest).
    const signedName = `harbour-signed-${tag}.jpg`;
    const signedId = await upload(page, named("signed-gps.jpg", signedName));
    const card = page.locator("section", { has: page.getByRole("heading", { name: "Content Credentials" }) });
    await expect(card.locator(".credentials-badge")).toHaveText(`Content Credentials: valid, signed by ${SIGNER}`);
    await expect(card).toContainText("Made withNorthwind Field Camera 4.2");
    await expect(card.getByRole("listitem")).toHaveText([
      /^Created · Taken with a camera · 28 November 2026/,
      /^Colour adjusted · with Northwind Darkroom 2\.1/,
      /^Cropped · with Northwind Darkroom 2\.1/,
    ]);
    await expect(card).not.toContainText(/GPS|51,30|NW-0042/);
    await page.getByLabel("Alt text").fill("Fishing boats moored in a harbour at dusk.");
    await page.getByLabel("Photographer").fill("Ana Lind");
    await page.getByRole("button", { name: /Save photo details|Confirm and save details/ }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/photo-credentials-form.png", fullPage: true });

    // The tampered one: the desk says its signature does not validate, and why.
    const tamperedName = `harbour-tampered-${tag}.jpg`;
    await upload(page, named("tampered.jpg", tamperedName));
    await expect(card.locator(".credentials-badge").first()).toHaveText("Content Credentials: signature does not validate");
    await expect(card.getByRole("note")).toContainText("assertion.dataHash.mismatch");

    // A photo without credentials says so.
    await upload(page, named("plain.jpg", `harbour-plain-${tag}.jpg`));
    await expect(card.locator(".credentials-badge")).toHaveText("Content Credentials: none");

    // The library: each card carries its badge.
    await page.goto(`/admin/media?q=harbour-signed-${tag}`);
    await expect(page.locator(".library-card .credentials-badge")).toHaveText(`Content Credentials: valid, signed by ${SIGNER}`);
    await page.goto(`/admin/media?q=harbour-tampered-${tag}`);
    await expect(page.locator(".library-card .credentials-badge")).toHaveText("Content Credentials: signature does not validate");

    // Not public before a published story shows it.
    const early = await page.request.get(`/photos/${signedId}/credentials`);
    expect(early.status()).toBe(404);

    // A story with the signed photo as its hero, published.
    await page.goto("/admin/articles/new");
    await page.getByLabel("Headline").fill(`Harbour reopens after storm ${tag}`);
    await page.getByLabel("Section").selectOption({ label: "World" });
    await page.getByLabel("Add a byline").selectOption({ label: "Daniel Reyes" });
    await page.getByRole("textbox", { name: "Story body" }).click();
    await page.keyboard.type("The harbour reopened on Tuesday, the port authority said.");
    await page.locator("#hero-search").fill(signedName);
    const hero = page.getByRole("radiogroup", { name: "Choose the hero photo" });
    await expect(hero.getByRole("radio")).toHaveCount(2);
    await hero.getByRole("radio", { name: new RegExp(`${signedName} Ana Lind`) }).check();
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await publishFromEditor(page);
    await expect(page.getByRole("heading", { name: /Status: Published/ })).toBeVisible();
    const storyPath = `/world/${await page.getByLabel("Slug").inputValue()}`;

    // The reader: a link under the credit opens the photo's Content Credentials.
    const reader = await (await newContext(browser)).newPage();
    await reader.goto(storyPath);
    const figure = reader.locator("figure.article-figure").first();
    await expect(figure.locator(".credit")).toHaveText("Photo: Ana Lind");
    await figure.getByRole("link", { name: "Content Credentials" }).click();
    await expect(reader).toHaveURL(new RegExp(`/photos/${signedId}/credentials$`));
    await expect(reader.getByRole("heading", { level: 1, name: "Content Credentials" })).toBeVisible();
    // A page like every other reader's page: its main landmark, which "Skip to content" reaches.
    const { violations } = await new AxeBuilder({ page: reader }).analyze();
    expect(
      violations
        .filter((v) => v.impact === "serious" || v.impact === "critical" || ["landmark-one-main", "region", "skip-link"].includes(v.id))
        .map((v) => v.id),
    ).toEqual([]);
    await reader.getByRole("link", { name: "Skip to content" }).focus();
    await reader.keyboard.press("Enter");
    await expect(reader.locator("main#main:target")).toHaveCount(1);
    // The view shows the photo with its credit, as every reader's page does.
    await expect(reader.locator(".photo-credentials figure .credit")).toHaveText("Photo: Ana Lind");
    await expect(reader.locator(".credentials-badge")).toHaveText(`Content Credentials: valid, signed by ${SIGNER}`);
    await expect(reader.locator(".credential-facts")).toContainText("Northwind Field Camera 4.2");
    await expect(reader.locator(".credential-actions li")).toHaveCount(3);
    await expect(reader.getByRole("link", { name: `Harbour reopens after storm ${tag}` })).toHaveAttribute("href", storyPath);
    const html = await reader.content();
    expect(html).not.toMatch(/GPS|51,30|0,7\.66|NW-0042|latitude|longitude/i);
    await reader.screenshot({ path: "test-results/screens/photo-credentials-reader.png", fullPage: true });
    // On a phone its text keeps the side margin every reader's page has, and nothing runs off the screen.
    await reader.setViewportSize({ width: 390, height: 844 });
    expect((await reader.getByRole("heading", { level: 1, name: "Content Credentials" }).boundingBox())!.x).toBeGreaterThanOrEqual(12);
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await reader.screenshot({ path: "test-results/screens/photo-credentials-phone.png", fullPage: true });

    // The photo readers get is a resized copy without EXIF: no GPS in its bytes.
    const src = await reader.locator(".photo-credentials img").getAttribute("src");
    const served = Buffer.from(await (await reader.request.get(src!)).body());
    expect(served.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(served.includes(Buffer.from("GPS"))).toBe(false);
    expect(served.includes(Buffer.from("Exif"))).toBe(false);

    // The content API carries the same summary.
    const api = await reader.request.get(`/api/v1/photos/${signedId}`);
    expect(api.status()).toBe(200);
    const body = (await api.json()) as { credentials?: { status: string; signerName: string; path: string } };
    expect(body.credentials).toMatchObject({
      status: "trusted",
      signerName: "Northwind Photo Agency",
      path: `/photos/${signedId}/credentials`,
    });
  });
});
