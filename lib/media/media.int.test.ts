import fs from "node:fs";
import exifReader from "exif-reader";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError, HTTP_STATUS } from "../errors";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { makePhoto, pngClaiming, withIptc, xmpPacket } from "../test/images";
import { createArticle, transitionArticle } from "../articles/mutations/index";
import { createImage, replaceImageFile } from "./ingest";
import { deleteImage, getImageDetails } from "./library";
import { mediaStore } from "./store";
import { variantKey } from "./variants";

/** How many files the store holds (the photos folder, or the bucket in the bucket pass of scripts/test.sh). */
async function files() {
  let count = 0;
  for await (const file of mediaStore.list()) count += file.key ? 1 : 0;
  return count;
}
let editor: Viewer;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
});

describe("accepted photos", () => {
  it.each(["jpeg", "png", "webp", "avif", "gif"] as const)("stores a %s with AVIF, WebP and JPEG variants", async (format) => {
    const data = await makePhoto(format, 1000, 700, format.length * 7);
    const image = await createImage(editor, data, {}, `photo.${format}`);
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    expect([row.width, row.height]).toEqual([1000, 700]);
    expect(row.bytes).toBe(data.length);
    for (const f of ["avif", "webp", "jpg"] as const) {
      for (const w of [480, 960, 1000]) expect(await mediaStore.get(variantKey(row.sha256, w, f)), `${w} ${f}`).not.toBeNull();
    }
  });

  it("offers the existing photo when the same file is uploaded twice", async () => {
    const data = await makePhoto("jpeg", 800, 600, 99);
    const first = await createImage(editor, data, {});
    const second = await createImage(editor, data, {});
    expect(second).toMatchObject({ id: first.id, existing: true });
  });
});

describe("refused uploads leave no file and no row", () => {
  const refusals: [string, () => Promise<Buffer>, RegExp, { maxBytes: number; maxPixels: number }?][] = [
    [
      "an SVG",
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
      /not a JPEG, PNG, WebP, AVIF or GIF/,
    ],
    [
      "HTML renamed .jpg",
      async () => Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"),
      /not a JPEG, PNG, WebP, AVIF or GIF/,
    ],
    [
      "a file over the size limit",
      () => makePhoto("png", 1200, 800, 5),
      /the limit is 0 MB|the limit is/,
      { maxBytes: 1000, maxPixels: 60_000_000 },
    ],
    ["a pixel bomb", () => pngClaiming(100_000, 100_000), /10000 megapixels; the limit is 60/],
    ["a truncated JPEG", async () => (await makePhoto("jpeg", 1600, 1200, 3)).subarray(0, 9000), /damaged or incomplete/],
  ];
  it.each(refusals)("refuses %s with a clear message", async (_name, make, message, limits) => {
    const data = await make();
    const [beforeFiles, beforeRows] = [await files(), await db.image.count()];
    await expect(createImage(editor, data, {}, "upload.jpg", limits)).rejects.toThrow(message);
    expect(await files()).toBe(beforeFiles);
    expect(await db.image.count()).toBe(beforeRows);
  });
});

describe("embedded metadata", () => {
  it("stores credit, agency, copyright and caption from IPTC on the photo", async () => {
    const data = withIptc(await makePhoto("jpeg", 900, 600, 11), {
      80: "Elena Marsh",
      110: "Northern Wire Photo",
      116: "© 2026 Northern Wire",
      120: "Flooded harbour road. Residents walk home.",
    });
    const image = await createImage(editor, data, {});
    expect(image.fromFile).toEqual({
      credit: "Elena Marsh",
      agency: "Northern Wire Photo",
      copyright: "© 2026 Northern Wire",
      caption: "Flooded harbour road. Residents walk home.",
      license: "",
      dateTaken: "",
    });
    const details = await getImageDetails(image.id, "UTC");
    expect(details).toMatchObject({ credit: "Elena Marsh", agency: "Northern Wire Photo", detailsConfirmed: false });
    expect(details?.fromFile?.credit).toBe("Elena Marsh");
  });

  it("reads XMP when there is no IPTC", async () => {
    const xmp = xmpPacket({
      creator: "Jonas Berg",
      credit: "Dateline",
      source: "Dateline Photo Desk",
      rights: "© Dateline",
      description: "A clinic queue.",
    });
    const data = await sharp(await makePhoto("jpeg", 900, 600, 12))
      .withXmp(xmp)
      .jpeg()
      .toBuffer();
    const image = await createImage(editor, data, {});
    expect(image.fromFile).toEqual({
      credit: "Jonas Berg",
      agency: "Dateline",
      copyright: "© Dateline",
      caption: "A clinic queue.",
      license: "",
      dateTaken: "",
    });
  });

  it("removes GPS and other EXIF from every served variant, and corrects orientation", async () => {
    const data = await sharp(await makePhoto("jpeg", 900, 600, 13))
      .withExif({
        IFD0: { Artist: "Field Reporter" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
      })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect(exifReader((await sharp(data).metadata()).exif!).GPSInfo).toBeDefined();
    const image = await createImage(editor, data, {});
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    expect([row.width, row.height]).toEqual([600, 900]);
    expect(image.fromFile?.credit).toBe("Field Reporter");
    for (const f of ["jpg", "webp", "avif"] as const) {
      const variant = (await mediaStore.get(variantKey(row.sha256, 600, f)))!;
      const meta = await sharp(variant).metadata();
      expect(meta.exif, f).toBeUndefined();
      expect(variant.includes(Buffer.from("Field Reporter")), f).toBe(false);
    }
  });
});

describe("photos in stories", () => {
  it("refuses to publish a story whose hero photo lacks alt text and credit", async () => {
    const bits = await makeNewsroomBits();
    const image = await createImage(editor, await makePhoto("jpeg", 800, 500, 21), {});
    const story = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, { hero: { imageId: image.id } }));
    await expect(transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" })).rejects.toThrow(
      /alt text for the hero photo, a credit for the hero photo/,
    );
    await db.image.update({ where: { id: image.id }, data: { altText: "A dark circle on a gradient.", credit: "Test Photographer" } });
    await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });
  });

  it("refuses to publish with an expired license, and to delete a photo a published story uses", async () => {
    const bits = await makeNewsroomBits();
    const image = await createImage(editor, await makePhoto("jpeg", 800, 500, 22), {
      altText: "Alt",
      credit: "Someone",
      licenseExpiresAt: new Date("2020-01-01"),
    });
    const story = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, { hero: { imageId: image.id } }));
    await expect(transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" })).rejects.toThrow(
      /license has not expired/,
    );
    await db.image.update({ where: { id: image.id }, data: { licenseExpiresAt: null } });
    await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });
    await expect(deleteImage(editor, image.id)).rejects.toThrow(/This photo is in a live story \(“.*”\)\. Replace it there first\./);
  });

  it("refuses to delete a photo a draft shows, in its text or as its hero (the draft went live without it, unannounced)", async () => {
    const bits = await makeNewsroomBits();
    const image = await createImage(editor, await makePhoto("jpeg", 800, 500, 25), { altText: "Alt", credit: "Someone" });
    const input = readyArticleInput(bits.section.id, bits.author.id);
    input.body!.content!.splice(1, 0, { type: "image", attrs: { imageId: image.id } } as never);
    const draft = await createArticle(editor, input);
    await expect(deleteImage(editor, image.id)).rejects.toThrow(
      `This photo is in a story that is not live (“${input.headline}”). Take it out of it first.`,
    );
    expect(await db.articleImage.count({ where: { imageId: image.id, articleId: draft.id } })).toBe(1);
    expect(await db.image.count({ where: { id: image.id } })).toBe(1);
  });

  it("replaces a photo's file and keeps its uses; deletes an unused photo with its files", async () => {
    const image = await createImage(editor, await makePhoto("jpeg", 800, 500, 23), { altText: "Alt" });
    const before = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    await replaceImageFile(editor, image.id, await makePhoto("png", 700, 400, 24));
    const after = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    expect(after.sha256).not.toBe(before.sha256);
    expect([after.width, after.altText]).toEqual([700, "Alt"]);
    // The old files stay for pages cached before the replacement (lib/media/cleanup.ts removes them later).
    expect(await mediaStore.get(variantKey(before.sha256, 480, "jpg"))).not.toBeNull();
    await deleteImage(editor, image.id);
    expect(await mediaStore.get(variantKey(after.sha256, 480, "jpg"))).toBeNull();
    expect(await db.image.count({ where: { id: image.id } })).toBe(0);
  });
});

// On disk only: the bucket pass's store is a server this test cannot take down (store.int.test.ts checks a mistyped bucket).
describe.skipIf(process.env.DATELINE_MEDIA_STORE === "s3")("a photo store that cannot be used", () => {
  it("answers an upload 503 `unavailable`, not 507 as if the disk were full, and keeps no row", async () => {
    const folder = process.env.DATELINE_MEDIA_DIR!;
    const aside = `${folder}.aside`;
    const photos = await db.image.count();
    fs.mkdirSync(folder, { recursive: true });
    fs.renameSync(folder, aside);
    fs.writeFileSync(folder, "a file where the photos folder should be");
    try {
      const refused = await createImage(editor, await makePhoto("jpeg", 900, 600, 4242), {}).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: "unavailable", message: expect.stringContaining("the photo store did not take its file") });
      expect(HTTP_STATUS[(refused as AppError).code]).toBe(503);
      expect(await db.image.count()).toBe(photos);
    } finally {
      fs.rmSync(folder);
      fs.renameSync(aside, folder);
    }
  });
});
