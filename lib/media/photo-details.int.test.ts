import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput, uid } from "../test/factories";
import { makeWirePhoto, WIRE_PHOTO } from "../test/images";
import { expectAppError } from "../test/expect-app-error";
import { createArticle, transitionArticle } from "../articles/mutations/index";
import { getPublishedArticleBySlug } from "../articles/queries";
import { createImage } from "./ingest";
import { cropImage } from "./crop";
import { deleteImage, getImageDetails, listLibrary, updateImageMetadata } from "./library";
import { mediaStore } from "./store";
import { variantBase, variantKey } from "./variants";

let editor: Viewer;
let writer: Viewer;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  writer = await makeUser("WRITER");
});

describe("a photo's details stay with it", () => {
  it("stores what the file says on the library record, for an editor to confirm", async () => {
    const image = await createImage(writer, await makeWirePhoto(21), {}, "kyiv-strike.jpg");
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    expect(row).toMatchObject({
      caption: WIRE_PHOTO.caption,
      credit: WIRE_PHOTO.creator,
      agency: WIRE_PHOTO.agency,
      copyright: WIRE_PHOTO.copyright,
      license: WIRE_PHOTO.usageTerms,
      detailsConfirmed: false,
    });
    expect(row.dateTaken?.toISOString()).toBe(WIRE_PHOTO.dateTaken);
    await updateImageMetadata(writer, {
      id: image.id,
      caption: row.caption,
      credit: row.credit,
      agency: row.agency,
      copyright: row.copyright,
      license: row.license,
      altText: "A woman walks past a damaged apartment block.",
    });
    expect(await db.image.findUniqueOrThrow({ where: { id: image.id } })).toMatchObject({ detailsConfirmed: true });
  });

  it("finds the stored photo, with the details editors gave it, when the same file is uploaded again", async () => {
    const data = await makeWirePhoto(22);
    const first = await createImage(writer, data, {}, "first.jpg");
    await updateImageMetadata(editor, {
      id: first.id,
      caption: "Edited caption.",
      credit: "",
      agency: "",
      creditLine: "Handout/Ministry of Defence",
      altText: "Rubble.",
    });
    const count = await db.image.count();
    const again = await createImage(editor, data, {}, "same-file-other-name.jpg");
    expect(again).toMatchObject({ id: first.id, existing: true, fromFile: null });
    expect(await db.image.count()).toBe(count);
    expect(await getImageDetails(first.id, "UTC")).toMatchObject({ caption: "Edited caption.", creditLine: "Handout/Ministry of Defence" });
  });

  it("offers the library's details to a second story and shows the free-form credit exactly", async () => {
    const { section, author } = await makeNewsroomBits(editor.id);
    const image = await createImage(editor, await makeWirePhoto(23), {}, "second.jpg");
    await updateImageMetadata(editor, {
      id: image.id,
      ...WIRE_PHOTO,
      credit: WIRE_PHOTO.creator,
      agency: WIRE_PHOTO.agency,
      altText: "A street.",
    });
    const input = readyArticleInput(section.id, author.id, {
      hero: { imageId: image.id, caption: "", credit: "", agency: "", altText: "", creditLine: "" },
    });
    const story = await createArticle(editor, input);
    await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });
    const page = await getPublishedArticleBySlug(input.slug);
    expect(page?.hero).toMatchObject({ caption: WIRE_PHOTO.caption, creditLine: "Roman Pilipey/Getty Images" });

    // This story's own credit line wins, exactly as typed; the library keeps its own.
    const other = readyArticleInput(section.id, author.id, {
      hero: { imageId: image.id, caption: "Our caption.", creditLine: "Courtesy of the family" },
    });
    const second = await createArticle(editor, other);
    await transitionArticle(editor, { id: second.id, version: second.version, to: "PUBLISHED" });
    expect((await getPublishedArticleBySlug(other.slug))?.hero).toMatchObject({
      caption: "Our caption.",
      creditLine: "Courtesy of the family",
    });
    expect((await getPublishedArticleBySlug(input.slug))?.hero?.creditLine).toBe("Roman Pilipey/Getty Images");
  });

  it("refuses to take from a live story's photo the alt text or credit publishing required (an editor emptied them and readers saw no credit)", async () => {
    const { section, author } = await makeNewsroomBits();
    const image = await createImage(editor, await makeWirePhoto(25), {}, "live.jpg");
    const details = { caption: WIRE_PHOTO.caption, credit: WIRE_PHOTO.creator, agency: WIRE_PHOTO.agency, altText: "A street." };
    await updateImageMetadata(editor, { id: image.id, ...details });
    // The story relies on the library's details (its own placement fields are empty).
    const input = readyArticleInput(section.id, author.id, {
      hero: { imageId: image.id, caption: "", credit: "", agency: "", altText: "", creditLine: "" },
    });
    const story = await createArticle(editor, input);
    await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });

    const refused = await expectAppError(
      updateImageMetadata(editor, { id: image.id, caption: details.caption, credit: "", agency: "", creditLine: "", altText: "" }),
      "invalid",
    );
    expect(refused.message).toBe(
      `This photo is in a live story (“${input.headline}”), which needs alt text and a credit for it. Nothing was saved.`,
    );
    expect(refused.fieldErrors).toMatchObject({
      altText: ["A live story shows this photo: it needs alt text."],
      credit: ["A live story shows this photo: it needs a credit (a photographer, an agency or a credit line)."],
    });
    expect(await db.image.findUniqueOrThrow({ where: { id: image.id } })).toMatchObject({
      credit: WIRE_PHOTO.creator,
      altText: "A street.",
    });
    expect((await getPublishedArticleBySlug(input.slug))?.hero).toMatchObject({ alt: "A street." });
    // Any other change, and a credit moved from the photographer to a credit line, are saved.
    await updateImageMetadata(editor, { id: image.id, ...details, credit: "", agency: "", creditLine: "Roman Pilipey/Getty Images" });
    expect((await getPublishedArticleBySlug(input.slug))?.hero?.creditLine).toBe("Roman Pilipey/Getty Images");
    // A story whose own placement gives the credit and alt text does not need the library's.
    const other = await createImage(editor, await makeWirePhoto(26), {}, "own.jpg");
    await updateImageMetadata(editor, { id: other.id, ...details });
    const own = readyArticleInput(section.id, author.id, {
      hero: { imageId: other.id, caption: "", credit: "Staff", agency: "", altText: "Our alt text.", creditLine: "" },
    });
    const second = await createArticle(editor, own);
    await transitionArticle(editor, { id: second.id, version: second.version, to: "PUBLISHED" });
    await updateImageMetadata(editor, { id: other.id, caption: details.caption, credit: "", agency: "", creditLine: "", altText: "" });
    expect(await db.image.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ credit: "", altText: "" });
  });

  it("finds photos by caption, credit and file name", async () => {
    const image = await createImage(editor, await makeWirePhoto(24), {}, "zebra-crossing-7731.jpg");
    await updateImageMetadata(editor, { id: image.id, caption: "Quokka selfie", creditLine: "Courtesy of Ostrava Zoo" });
    for (const q of ["zebra-crossing-7731", "Quokka", "Ostrava Zoo"]) {
      expect(
        (await listLibrary({ q }, 24)).rows.map((r) => r.id),
        q,
      ).toContain(image.id);
    }
  });

  it("finds a caption's curly quotes by straight ones typed, and a file name's _ only as itself", async () => {
    const id = uid();
    const quoted = await createImage(editor, await makeWirePhoto(27), {}, `harbour_${id}.jpg`);
    await updateImageMetadata(editor, { id: quoted.id, caption: `‘Nobody leaves,’ says the harbour master ${id}` });
    const dashed = await createImage(editor, await makeWirePhoto(28), {}, `harbour-${id}.jpg`);
    const found = async (q: string) => (await listLibrary({ q }, 24)).rows.map((r) => r.id);
    expect(await found(`nobody leaves,' says the harbour master ${id}`)).toEqual([quoted.id]);
    expect(await found(`harbour_${id}`)).toEqual([quoted.id]);
    expect(await found(`harbour-${id}`)).toEqual([dashed.id]);
  });

  it("pages through the library, newest first, without repeating a photo", async () => {
    const total = await db.image.count();
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const result = await listLibrary({ page }, 2);
      expect(result.pages).toBe(Math.ceil(total / 2));
      seen.push(...result.rows.map((r) => r.id));
      if (page >= result.pages) break;
    }
    expect(new Set(seen).size).toBe(total);
  });
});

describe("crops", () => {
  it("makes the crop's variants under new names, without metadata, and removes them with the photo", async () => {
    const image = await createImage(editor, await makeWirePhoto(25, 1200, 800), {}, "crop.jpg");
    const before = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    expect(await cropImage(editor, { id: image.id, cropX: 0.25, cropY: 0.25, cropW: 0.5, cropH: 0.5 })).toEqual({
      id: image.id,
      changed: true,
    });
    const after = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    const shown = variantBase(after);
    expect(shown).toMatchObject({ width: 600, height: 400 });
    const jpeg = (await mediaStore.get(variantKey(shown.base, 600, "jpg")))!;
    const meta = await sharp(jpeg).metadata();
    expect([meta.width, meta.height, meta.exif, meta.iptc, meta.xmp]).toEqual([600, 400, undefined, undefined, undefined]);
    // The uncropped variants stay (pages cached before still point at them).
    expect(await mediaStore.get(variantKey(before.sha256, 960, "webp"))).not.toBeNull();
    expect((await getImageDetails(image.id, "UTC"))?.variants.map((v) => [v.width, v.height])).toEqual([
      [480, 320],
      [600, 400],
    ]);
    await deleteImage(editor, image.id);
    expect(await mediaStore.get(variantKey(shown.base, 600, "jpg"))).toBeNull();
  });

  it("refuses a crop outside the photo", async () => {
    const image = await createImage(editor, await makeWirePhoto(26, 800, 600), {});
    const error = await expectAppError(cropImage(editor, { id: image.id, cropX: 0.8, cropY: 0, cropW: 0.5, cropH: 1 }), "invalid");
    expect(error.fieldErrors?.cropW).toEqual(["The crop must lie inside the photo."]);
    expect(await db.image.findUniqueOrThrow({ where: { id: image.id } })).toMatchObject({ cropX: 0, cropW: 1 });
  });
});
