import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_ENGINE, E2E_ENV, storageStatePath } from "../env";
import { adminHydrated, expect, holdScripts, newContext, publishFromEditor, test, unique } from "../fixtures";
import { makePhoto, withIptc } from "../../lib/test/images";
import { TEST_BUCKET_KEY } from "../../lib/test/test-bucket";
import { BucketStore } from "../../lib/media/bucket-store";

async function fixture(name: string, data: Buffer) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dateline-e2e-")), name);
  fs.writeFileSync(file, data);
  return file;
}

test.describe("the media library", () => {
  test.setTimeout(90_000);

  test("the focal point moves with the arrow keys, and Enter on it does not throw it into a corner", async ({ browser }) => {
    const tag = unique();
    const page = await (await newContext(browser, { storageState: storageStatePath("editor") })).newPage();
    await page.goto("/admin/media");
    await page
      .getByLabel("Choose photos")
      .setInputFiles(await fixture(`focal-${tag}.jpg`, await makePhoto("jpeg", 1200, 800, tag.length + 7)));
    await page.getByRole("link", { name: "Uploaded: check the credit and add alt text" }).click();
    await expect(page).toHaveURL(/\/admin\/media\/c[a-z0-9]{20,}$/);
    await adminHydrated(page);
    const point = page.getByRole("button", { name: /^Focal point for crops/ });
    const hint = page.locator("#focal-hint");
    await expect(hint).toContainText("(50%, 50%)");
    await point.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Space");
    await expect(hint).toContainText("(50%, 50%)");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Shift+ArrowUp");
    await expect(hint).toContainText("(60%, 49%)");
    await expect(point).toBeFocused();
  });

  test("an uploaded wire photo brings its credit into the story and onto the public page", async ({ browser }) => {
    const tag = unique();
    const page = await (await newContext(browser, { storageState: storageStatePath("editor") })).newPage();
    const photo = withIptc(await makePhoto("jpeg", 1800, 1200, tag.length), {
      80: "Ana Kovač",
      110: "Balkan Wire",
      116: "© 2026 Balkan Wire",
      120: `Rescue workers search the riverbank ${tag}. The search resumed at dawn.`,
    });
    await page.goto("/admin/media");
    await page
      .getByLabel("Choose photos")
      .setInputFiles([
        await fixture(`wire-${tag}.jpg`, photo),
        await fixture("not-a-photo.jpg", Buffer.from("<!doctype html><script>alert(1)</script>")),
      ]);
    await expect(page.getByText("This file is not a JPEG, PNG, WebP, AVIF or GIF photo.", { exact: false })).toBeVisible();
    await page.getByRole("link", { name: "Uploaded: check the credit and add alt text" }).click();

    await expect(page.getByTestId("read-from-file")).toContainText(
      "Read from the photo file at upload: caption, photographer, agency, copyright.",
    );
    await expect(page.getByLabel("Photographer")).toHaveValue("Ana Kovač");
    await expect(page.getByLabel("Agency or source")).toHaveValue("Balkan Wire");
    await expect(page.getByTestId("credit-line")).toHaveText("Photo: Ana Kovač/Balkan Wire");
    // The alt text typed before the page's scripts ran (a slow connection) is kept and saved.
    const release = await holdScripts(page);
    await page.reload({ waitUntil: "domcontentloaded" });
    await page.getByLabel(/^Alt text/).fill("Rescue workers in orange jackets walk along a muddy riverbank.");
    release();
    await adminHydrated(page);
    await expect(page.getByLabel(/^Alt text/)).toHaveValue("Rescue workers in orange jackets walk along a muddy riverbank.");
    await page.getByRole("button", { name: "Confirm and save details" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(/^Alt text/)).toHaveValue("Rescue workers in orange jackets walk along a muddy riverbank.");
    await page.screenshot({ path: "test-results/screens/photo-details.png", fullPage: true });

    await page.goto("/admin/media");
    await expect(page.getByText(`Rescue workers search the riverbank ${tag}.`, { exact: false })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/library.png", fullPage: true });

    // Use it as the hero, with a photo in the body too, and publish.
    await page.goto("/admin/articles/new");
    const headline = `Search resumes on the river ${tag}`;
    await page.getByLabel("Headline").fill(headline);
    await page.getByLabel("Section").selectOption({ label: "World" });
    await page.getByLabel("Add a byline").selectOption({ label: "Northern Wire" });
    await page.getByRole("textbox", { name: "Story body" }).click();
    await page.keyboard.type("The search resumed at dawn, officials said.");
    await page.getByRole("button", { name: "Photo", exact: true }).click();
    await page.locator("#inline-photo-search").fill("Elena Marsh");
    await page
      .getByRole("radiogroup", { name: "Choose a photo for the body" })
      .getByRole("radio", { name: /Elena Marsh/ })
      .check();
    await page.getByLabel("Caption for this story").fill("The harbour road in January.");
    await page.getByRole("button", { name: "Insert photo" }).click();
    const body = page.getByRole("textbox", { name: "Story body" });
    // Once the photo is in and the body has the focus back, as an editor sees it (keys typed while the
    // dialog was closing went nowhere on a loaded machine: "river rose again at noon."). Typing on
    // goes after the photo (the first keystroke replaced it, selected once it was in).
    await expect(body.locator("figure.editor-figure")).toHaveCount(1);
    await expect(body).toBeFocused();
    await page.keyboard.type("The river rose again at noon.");
    await expect(body.locator("figure.editor-figure")).toHaveCount(1);
    await expect(body.locator("figure.editor-figure + p")).toHaveText("The river rose again at noon.");
    // The editor shows what this story says of the photo, and what comes from the library.
    await expect(body.locator("figure.editor-figure .editor-figure-detail")).toHaveText([
      "Caption for this story: The harbour road in January.",
      "The library's credit, alt text.",
    ]);
    await body.screenshot({ path: "test-results/screens/body-photo.png" });
    // Cut and pasted inside the body, the photo keeps its caption for this story.
    await body.locator("figure.editor-figure").click();
    await page.keyboard.press("Control+x");
    await expect(body.locator("figure.editor-figure")).toHaveCount(0);
    await body.getByText("The river rose again at noon.").click();
    await page.keyboard.press("End");
    await page.keyboard.press("Control+v");
    await expect(body.locator("figure.editor-figure .editor-figure-detail").first()).toHaveText(
      "Caption for this story: The harbour road in January.",
    );
    await page.locator("#hero-search").fill(tag);
    await page
      .getByRole("radiogroup", { name: "Choose the hero photo" })
      .getByRole("radio", { name: /Ana Kovač/ })
      .check();
    await expect(page.getByTestId("credit-preview")).toContainText("Ana Kovač/Balkan Wire");
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await publishFromEditor(page);
    await expect(page.getByRole("heading", { name: /Status: Published/ })).toBeVisible();

    const reader = await (await newContext(browser)).newPage();
    await reader.goto(`/world/${await page.getByLabel("Slug").inputValue()}`);
    const hero = reader.locator("figure").first();
    await expect(hero.locator("figcaption")).toContainText(`Rescue workers search the riverbank ${tag}.`);
    await expect(hero.locator("figcaption")).toContainText("Ana Kovač/Balkan Wire");
    await expect(hero.locator("img")).toHaveAttribute("alt", "Rescue workers in orange jackets walk along a muddy riverbank.");
    await expect(hero.locator("img")).toHaveAttribute("loading", "eager");
    await expect(hero.locator("source[type='image/avif']")).toHaveAttribute(
      "srcset",
      /-w480\.avif 480w, .*-w960\.avif 960w, .*-w1600\.avif 1600w/,
    );
    const inline = reader.locator(".article-body figure");
    await expect(inline.locator("figcaption")).toContainText("The harbour road in January.");
    await expect(inline.locator("figcaption")).toContainText("Elena Marsh/Northern Wire Photo");
    await expect(inline.locator("img")).toHaveAttribute("loading", "lazy");
    const src = await hero.locator("img").getAttribute("src");
    const variant = await reader.request.get(src!);
    expect(variant.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");

    if (E2E_ENGINE === "postgresql") {
      // The second pass (PostgreSQL, photos in a bucket): the photo the reader was served is the
      // bucket's object, and the server wrote no photo to its own disk.
      const key = /\/media\/([a-f0-9]{64}-w\d+\.\w+)$/.exec(src!)?.[1];
      expect(key, src!).toBeTruthy();
      const store = new BucketStore({
        bucket: process.env.DATELINE_S3_BUCKET!,
        endpoint: process.env.DATELINE_S3_ENDPOINT!,
        region: "us-east-1",
        forcePathStyle: true,
        credentials: TEST_BUCKET_KEY,
      });
      const object = await store.get(key!);
      expect(object && object.equals(await variant.body())).toBe(true);
      const onDisk = fs.existsSync(E2E_ENV.DATELINE_MEDIA_DIR) ? fs.readdirSync(E2E_ENV.DATELINE_MEDIA_DIR, { recursive: true }) : [];
      expect(onDisk).toEqual([]);
    }
  });
});
