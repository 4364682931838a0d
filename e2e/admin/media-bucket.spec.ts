import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import exifReader from "exif-reader";
import sharp from "sharp";
import { E2E_PORT, storageStatePath } from "../env";
import { expect, newContext, test, unique, publishFromEditor } from "../fixtures";
import { copyE2eDatabase, startOwnServer, stopServer, waitForHealth } from "../own-server";
import { makePhoto, withIptc } from "../../lib/test/images";
import { startTestBucket, TEST_BUCKET_KEY, type TestBucket } from "../../lib/test/test-bucket";
import { BucketStore, ORIGINALS_PREFIX, VARIANTS_PREFIX } from "../../lib/media/bucket-store";

// Photos in an S3-compatible bucket (issue 16): a production server (scripts/server.ts from the
// build) with DATELINE_MEDIA_STORE=s3 against an s3rver started here. An editor uploads a photo
// with a GPS position in the admin and publishes it; a reader sees it, served from the bucket
// through /media, then (a second server on the same database and bucket) straight from the
// bucket's public base URL. The bucket holds the original privately and no variant that keeps
// the position.

const PORT = E2E_PORT + 7;
const PUBLIC_PORT = E2E_PORT + 8;
const URL = `http://localhost:${PORT}`;
const DIR = "data/e2e-media-bucket";

let bucket: TestBucket;
let stopped = false;
let store: BucketStore;
const servers: ChildProcess[] = [];

function start(port: number, env: Record<string, string> = {}) {
  const server = startOwnServer({
    dir: DIR,
    port,
    env: { ...bucket.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  servers.push(server);
  return waitForHealth(`http://localhost:${port}`, server, 60_000);
}

async function objects(prefix: string) {
  const keys: string[] = [];
  for await (const file of store.list()) if ((file.key.includes("-w") ? VARIANTS_PREFIX : ORIGINALS_PREFIX) === prefix) keys.push(file.key);
  return keys;
}

test.describe("photos in an S3-compatible bucket", () => {
  test.setTimeout(180_000);

  test.beforeAll(async () => {
    bucket = await startTestBucket();
    store = new BucketStore({
      bucket: bucket.bucket,
      endpoint: bucket.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: TEST_BUCKET_KEY,
    });
    await copyE2eDatabase(DIR);
    await start(PORT);
  });

  test.afterAll(async () => {
    await Promise.all(servers.map((s) => stopServer(s, "SIGTERM")));
    if (!stopped) await bucket?.stop();
  });

  test("an editor's photo is stored in the bucket, shown to readers from it, and no variant there keeps its GPS position", async ({
    browser,
  }) => {
    const tag = unique();
    const photo = withIptc(
      await sharp(await makePhoto("jpeg", 2000, 1300, 61))
        .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "50/1 27/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "30/1 31/1 0/1" } })
        .jpeg()
        .toBuffer(),
      { 80: "Olha Kyrylenko", 110: "Kyiv Photo Desk", 120: `Volunteers clear the square ${tag}.` },
    );
    expect(exifReader((await sharp(photo).metadata()).exif!).GPSInfo).toBeDefined();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dateline-e2e-")), `square-${tag}.jpg`);
    fs.writeFileSync(file, photo);

    const page = await (await newContext(browser, { baseURL: URL, storageState: storageStatePath("editor") })).newPage();
    await page.goto("/admin/media");
    await page.getByLabel("Choose photos").setInputFiles(file);
    await page.getByRole("link", { name: "Uploaded: check the credit and add alt text" }).click();
    await expect(page.getByLabel("Photographer")).toHaveValue("Olha Kyrylenko");
    await page.getByLabel(/^Alt text/).fill("Volunteers with brooms sweep a city square.");
    await page.getByRole("button", { name: "Confirm and save details" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    // The admin's preview is read from the bucket too.
    const preview = page.locator("main img").first();
    await expect(preview).toHaveJSProperty("complete", true);
    expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.screenshot({ path: "test-results/screens/bucket-photo-details.png", fullPage: true });

    await page.goto("/admin/articles/new");
    const headline = `Volunteers clear the square ${tag}`;
    await page.getByLabel("Headline").fill(headline);
    await page.getByLabel("Section").selectOption({ label: "World" });
    await page.getByLabel("Add a byline").selectOption({ label: "Northern Wire" });
    await page.getByRole("textbox", { name: "Story body" }).click();
    await page.keyboard.type("Hundreds turned out at dawn.");
    await page
      .getByRole("radiogroup", { name: "Choose the hero photo" })
      .getByRole("radio", { name: /Olha Kyrylenko/ })
      .check();
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
    await publishFromEditor(page);
    await expect(page.getByRole("heading", { name: /Status: Published/ })).toBeVisible();
    const storyPath = `/world/${await page.getByLabel("Slug").inputValue()}`;

    const reader = await (await newContext(browser, { baseURL: URL })).newPage();
    await reader.goto(storyPath);
    const hero = reader.locator("figure").first();
    await expect(hero.locator("figcaption")).toContainText("Olha Kyrylenko/Kyiv Photo Desk");
    const img = hero.locator("img");
    await expect(img).toHaveJSProperty("complete", true);
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    await reader.screenshot({ path: "test-results/screens/bucket-story.png", fullPage: true });

    // The file the reader got is the bucket's object, streamed with immutable caching and byte ranges.
    const src = (await img.getAttribute("src"))!;
    const key = /\/media\/([a-f0-9]{64}-w\d+\.jpg)$/.exec(src)?.[1];
    expect(key, src).toBeTruthy();
    const served = await reader.request.get(src);
    expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(served.headers()["content-type"]).toBe("image/jpeg");
    const body = await served.body();
    expect(body.equals((await store.get(key!))!)).toBe(true);
    const part = await reader.request.get(src, { headers: { Range: "bytes=0-99" } });
    expect(part.status()).toBe(206);
    expect(part.headers()["content-range"]).toBe(`bytes 0-99/${body.length}`);
    expect((await part.body()).equals(body.subarray(0, 100))).toBe(true);

    // The bucket: the original (GPS and all) under originals/, never served; every variant under
    // variants/, with no EXIF at all.
    const sha256 = key!.slice(0, 64);
    expect(await objects(ORIGINALS_PREFIX)).toContain(`${sha256}.jpg`);
    expect((await reader.request.get(`/media/${sha256}.jpg`)).status()).toBe(404);
    const variants = await objects(VARIANTS_PREFIX);
    expect(variants.filter((k) => k.startsWith(sha256))).toHaveLength(4 * 3);
    for (const variant of variants) {
      const meta = await sharp((await store.get(variant))!).metadata();
      expect(meta.exif ? exifReader(meta.exif).GPSInfo : undefined, variant).toBeUndefined();
    }

    // A second server, on the same database and bucket, sends readers to the bucket's public base URL.
    const base = `${bucket.endpoint}/${bucket.bucket}/variants`;
    await start(PUBLIC_PORT, { DATELINE_MEDIA_PUBLIC_BASE_URL: base });
    const direct = await (await newContext(browser, { baseURL: `http://localhost:${PUBLIC_PORT}` })).newPage();
    const failures: string[] = [];
    direct.on("console", (m) => m.type() === "error" && failures.push(m.text()));
    await direct.goto(storyPath);
    const directImg = direct.locator("figure").first().locator("img");
    await expect(directImg).toHaveAttribute("src", `${base}/${key}`);
    await expect(directImg).toHaveJSProperty("complete", true);
    expect(await directImg.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    expect(failures.filter((f) => /Content Security Policy/.test(f))).toEqual([]);
    const fromBucket = await direct.request.get(`${base}/${key}`);
    expect(fromBucket.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await fromBucket.body()).equals(body)).toBe(true);

    // The bucket gone: /media says so (503, not kept by any cache) instead of failing obscurely.
    await bucket.stop();
    stopped = true;
    const down = await reader.request.get(src);
    expect(down.status()).toBe(503);
    expect(down.headers()["cache-control"]).toBe("no-store");
    expect(await down.text()).toBe("The photo store did not answer; try again shortly.");
  });
});
