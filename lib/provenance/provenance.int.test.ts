import fs from "node:fs";
import path from "node:path";
import exifReader from "exif-reader";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { createArticle, transitionArticle } from "../articles/mutations/index";
import { getPublishedArticleBySlug } from "../articles/queries";
import { createImage, replaceImageFile, variantKeysOf } from "../media/ingest";
import { mediaStore } from "../media/store";
import { getPublicPhoto, getPublicStoryById } from "../api/public-reads";
import { photoSchema, storySchema } from "../api/schemas";
import { newsArticleJsonLd } from "../seo/structured-data";
import { readCredentials } from "./c2pa";
import { getPhotoCredentials, getPublicPhotoCredentials } from "./queries";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const ROOT = path.join(FIXTURES, "test-root.pem");
/** What the GPS sample carries in its EXIF and its manifest's stds.exif assertion: none may reach readers. */
const PRIVATE = [/GPS(Latitude|Longitude|Altitude)/i, /exif:/i, /51,30/, /0,7\.66/, /NW-0042/, /latitude/i, /longitude/i, /stds\.exif/];

let editor: Viewer;
beforeAll(async () => {
  editor = await makeUser("EDITOR");
});

describe("reading and validating Content Credentials", () => {
  it("finds none in a photo without a manifest", async () => {
    expect(await readCredentials(fixture("plain.jpg"), "image/jpeg")).toBeNull();
  });

  it.each([
    ["signed.jpg", "image/jpeg"],
    ["signed.png", "image/png"],
    ["signed.webp", "image/webp"],
  ])("reads and validates %s: untrusted without a trust list, trusted with the signer's root on it", async (name, mime) => {
    const untrusted = await readCredentials(fixture(name), mime);
    expect(untrusted).toMatchObject({
      status: "untrusted",
      claimGenerator: "Northwind Field Camera 4.2",
      signerName: "Northwind Photo Agency",
      signerOrg: "Northwind Test Authority",
      manifestCount: 1,
    });
    expect(untrusted!.reason).toMatch(/not on this newsroom's trust list/);
    expect(untrusted!.actions.map((a) => a.action)).toEqual(["c2pa.created", "c2pa.color_adjustments", "c2pa.cropped"]);
    expect(untrusted!.actions[0]).toMatchObject({
      when: "2026-11-28T09:14:00Z",
      digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
    });
    expect(untrusted!.actions[1]!.softwareAgent).toBe("Northwind Darkroom 2.1");
    const trusted = await readCredentials(fixture(name), mime, ROOT);
    expect(trusted).toMatchObject({ status: "trusted", reason: "" });
  });

  it("says a changed photo's signature does not validate, and why, even with its signer trusted", async () => {
    const tampered = await readCredentials(fixture("tampered.jpg"), "image/jpeg", ROOT);
    expect(tampered!.status).toBe("invalid");
    expect(tampered!.reason).toMatch(/assertion\.dataHash\.mismatch/);
    expect(tampered!.signerName).toBe("Northwind Photo Agency");
  });

  it("says a damaged manifest store cannot be read", async () => {
    const signed = Buffer.from(fixture("signed.jpg"));
    // Garble the claim inside the manifest (its CBOR no longer decodes).
    const at = signed.indexOf(Buffer.from("c2pa.claim"));
    expect(at).toBeGreaterThan(0);
    for (let i = at + 40; i < at + 60; i++) signed[i] = signed[i]! ^ 0xff;
    const damaged = await readCredentials(signed, "image/jpeg");
    expect(damaged?.status).toBe("invalid");
    expect(damaged!.reason).toMatch(/could not be read .*ClaimDecoding/);
  });

  it("keeps no location or other EXIF data of the manifest in the summary", async () => {
    const summary = await readCredentials(fixture("signed-gps.jpg"), "image/jpeg", ROOT);
    expect(summary!.status).toBe("trusted");
    const text = JSON.stringify(summary);
    for (const pattern of PRIVATE) expect(text).not.toMatch(pattern);
  });
});

describe("uploads with Content Credentials", () => {
  it("stores the summary, keeps the original with its manifest, serves variants with neither GPS nor manifest, and audits it", async () => {
    const data = fixture("signed-gps.jpg");
    // The sample really carries GPS in its EXIF.
    const exif = exifReader((await sharp(data).metadata()).exif!);
    expect(exif.GPSInfo?.GPSLatitude).toBeDefined();

    const image = await createImage(editor, data, {}, "harbour-gps.jpg");
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id }, include: { credential: true } });
    expect(row.credential).toMatchObject({
      sha256: row.sha256,
      status: "untrusted",
      claimGenerator: "Northwind Field Camera 4.2",
      signerName: "Northwind Photo Agency",
    });
    for (const pattern of PRIVATE) expect(JSON.stringify(row.credential)).not.toMatch(pattern);

    // The original is kept byte for byte, manifest included (private: /media serves variants only).
    const original = await mediaStore.get(row.storageKey);
    expect(original?.equals(data)).toBe(true);
    expect((await readCredentials(original!, "image/jpeg"))?.status).toBe("untrusted");

    // Every served variant: no EXIF at all (so no GPS), and no manifest carrying the original's.
    const keys = variantKeysOf(row.sha256, row.width);
    expect(keys.length).toBeGreaterThan(3);
    for (const key of keys) {
      const variant = (await mediaStore.get(key))!;
      const meta = await sharp(variant).metadata();
      expect(meta.exif, key).toBeUndefined();
      expect(meta.xmp, key).toBeUndefined();
      expect(variant.includes(Buffer.from("GPSLatitude")), key).toBe(false);
      expect(variant.includes(Buffer.from("NW-0042")), key).toBe(false);
      const mime = key.endsWith(".avif") ? "image/avif" : key.endsWith(".webp") ? "image/webp" : "image/jpeg";
      const carried = await readCredentials(variant, mime);
      if (carried) for (const pattern of PRIVATE) expect(JSON.stringify(carried), key).not.toMatch(pattern);
    }

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "image.create", entityId: image.id } });
    expect(audit.data).toMatchObject({ credentials: "untrusted", credentialsSigner: "Northwind Photo Agency (Northwind Test Authority)" });
  });

  it("records a broken signature as invalid, and nothing for a photo without credentials", async () => {
    const broken = await createImage(editor, fixture("tampered.jpg"), {});
    const credentials = await getPhotoCredentials(broken.id);
    expect(credentials).toMatchObject({ status: "invalid", summary: "signature does not validate" });
    expect(credentials!.reason).toMatch(/dataHash\.mismatch/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "image.create", entityId: broken.id } });
    expect(audit.data).toMatchObject({ credentials: "invalid" });

    const plain = await createImage(editor, fixture("plain.jpg"), {});
    expect(await getPhotoCredentials(plain.id)).toBeNull();
    expect(await db.photoCredential.count({ where: { imageId: plain.id } })).toBe(0);
  });

  it("replaces the summary when the photo's file is replaced", async () => {
    const image = await createImage(editor, fixture("signed.png"), {});
    expect((await getPhotoCredentials(image.id))?.status).toBe("untrusted");
    await replaceImageFile(editor, image.id, fixture("signed.webp"), "other.webp");
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id }, include: { credential: true } });
    expect(row.credential?.sha256).toBe(row.sha256);
    await replaceImageFile(editor, image.id, await sharp(fixture("plain.jpg")).png().toBuffer(), "plain.png");
    expect(await getPhotoCredentials(image.id)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "image.replace", entityId: image.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.data).toMatchObject({ credentials: "untrusted" });
  });
});

describe("the reader's Content Credentials", () => {
  it("are public only once a published story shows the photo, carry no location, and reach the story's figure", async () => {
    const bits = await makeNewsroomBits();
    const image = await createImage(editor, fixture("signed-gps.jpg"), {});
    await db.image.update({ where: { id: image.id }, data: { altText: "A harbour at dusk.", credit: "Northwind" } });
    expect(await getPublicPhotoCredentials(image.id)).toBeNull();
    const story = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, { hero: { imageId: image.id } }));
    expect(await getPublicPhotoCredentials(image.id)).toBeNull();
    await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });

    const view = await getPublicPhotoCredentials(image.id);
    expect(view?.credentials).toMatchObject({
      status: "untrusted",
      claimGenerator: "Northwind Field Camera 4.2",
      signer: "Northwind Photo Agency (Northwind Test Authority)",
      path: `/photos/${image.id}/credentials`,
    });
    expect(view!.credentials!.actions.map((a) => a.label)).toEqual(["Created", "Colour adjusted", "Cropped"]);
    expect(view!.credentials!.actions[0]!.source).toBe("Taken with a camera");
    expect(view!.stories).toHaveLength(1);
    for (const pattern of PRIVATE) expect(JSON.stringify(view)).not.toMatch(pattern);

    const published = await getPublishedArticleBySlug(story.slug);
    expect(published?.hero?.credentials?.status).toBe("untrusted");
    expect(published?.hero?.credentials?.path).toBe(`/photos/${image.id}/credentials`);

    // Structured data: the source type only from trusted credentials (these are untrusted here).
    expect(newsArticleJsonLd(published!, "The Dateline", "en").image?.[0]).not.toHaveProperty("digitalSourceType", expect.anything());
    const trustedHero = { ...published!.hero!, credentials: { ...published!.hero!.credentials!, status: "trusted" as const } };
    expect(newsArticleJsonLd({ ...published!, hero: trustedHero }, "The Dateline", "en").image?.[0]).toMatchObject({
      digitalSourceType: "https://schema.org/DigitalCaptureDigitalSource",
    });

    // The content API: the photo and the story's placed photo carry the same summary, valid by its schemas.
    const apiPhoto = await getPublicPhoto(image.id);
    photoSchema.parse(apiPhoto!.photo);
    expect(apiPhoto!.photo.credentials).toMatchObject({ status: "untrusted", signerName: "Northwind Photo Agency" });
    const apiStory = await getPublicStoryById(story.id);
    storySchema.parse(apiStory);
    expect(apiStory!.hero!.credentials).toEqual(apiPhoto!.photo.credentials);
    for (const pattern of PRIVATE) expect(JSON.stringify(apiPhoto)).not.toMatch(pattern);
  });
});
