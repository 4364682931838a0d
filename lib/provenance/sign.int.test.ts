import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The newsroom's own certificate, made for this test and configured before lib/env loads (it reads
// DATELINE_C2PA_CERT and DATELINE_C2PA_KEY once, as at start-up).
const newsroom = await vi.hoisted(async () => {
  const { makeTestPki } = await import("../test/c2pa-pki");
  const pki = makeTestPki({ name: "The Dateline Desk", org: "Dateline Test Newsroom" });
  process.env.DATELINE_C2PA_CERT = pki.certFile;
  process.env.DATELINE_C2PA_KEY = pki.keyFile;
  return pki;
});

import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { createImage, variantKeysOf } from "../media/ingest";
import { cropImage } from "../media/crop";
import { mediaStore } from "../media/store";
import { variantBase } from "../media/variants";
import { makeUser, uid } from "../test/factories";
import { makeTestPki } from "../test/c2pa-pki";
import { makePhoto } from "../test/images";
import { manifestStoreOf, PARENT_INGREDIENT, readCredentials, signWithManifest } from "./c2pa";
import { coseSigner } from "./cose";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const PRIVATE = [/GPS(Latitude|Longitude|Altitude)/i, /exif:/i, /51,30/, /0,7\.66/, /NW-0042/, /latitude/i, /longitude/i];
const mimeOf = (key: string) => (key.endsWith(".avif") ? "image/avif" : key.endsWith(".webp") ? "image/webp" : "image/jpeg");

/** 48 bytes from the middle of a JPEG's compressed picture data: a file holds them only if it holds that picture. */
function pictureBytes(jpeg: Buffer): Buffer {
  const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  const start = sos + 2 + jpeg.readUInt16BE(sos + 2);
  const middle = start + Math.floor((jpeg.length - 2 - start) / 2);
  return jpeg.subarray(middle - 24, middle + 24);
}

let editor: Viewer;
/** Files no other test uploads (the library returns a known file's old record, whose variants were made unsigned). */
let edited: Buffer;
let plain: Buffer;
beforeAll(async () => {
  editor = await makeUser("EDITOR");
  // The GPS sample, opened and signed again by an agency's editing desk: the location now sits one
  // manifest down the chain, which must be redacted too.
  const agency = makeTestPki(
    { name: "Northwind Picture Desk", org: "Northwind Test Authority" },
    fs.mkdtempSync(path.join(newsroom.dir, "agency-")),
  );
  edited = await signWithManifest(
    fixture("signed-gps.jpg"),
    "image/jpeg",
    {
      claim_generator_info: [{ name: "Northwind Darkroom", version: "2.1" }],
      title: "harbour-edited.jpg",
      assertions: [
        { label: "c2pa.actions", data: { actions: [{ action: "c2pa.opened", parameters: { ingredientIds: [PARENT_INGREDIENT] } }] } },
      ],
    },
    coseSigner(agency.certPem, agency.keyPem),
    { data: fixture("signed-gps.jpg"), mime: "image/jpeg", title: "harbour-gps.jpg" },
  );
  plain = await makePhoto("jpeg", 1200, 800, Number.parseInt(uid(), 36) % 9973);
});
afterAll(() => {
  delete process.env.DATELINE_C2PA_CERT;
  delete process.env.DATELINE_C2PA_KEY;
  fs.rmSync(newsroom.dir, { recursive: true, force: true });
});

describe("variants signed with the newsroom's certificate", () => {
  it("carry Content Credentials of their own with the original's as parent, location redacted, and still no EXIF", async () => {
    // What must not travel: the original's manifest holds its location (so these checks can fail).
    expect(edited.includes(Buffer.from("GPSLatitude"))).toBe(true);
    expect(JSON.stringify(await manifestStoreOf(edited, "image/jpeg"))).toMatch(PRIVATE[0]!);
    const image = await createImage(editor, edited, {});
    expect(image.existing).toBe(false);
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id }, include: { credential: true } });
    // The summary desk and readers see is still the original's.
    expect(row.credential).toMatchObject({ signerName: "Northwind Picture Desk", manifestCount: 2 });

    const keys = variantKeysOf(row.sha256, row.width);
    for (const key of keys) {
      const variant = (await mediaStore.get(key))!;
      expect((await sharp(variant).metadata()).exif, key).toBeUndefined();
      expect(variant.includes(Buffer.from("GPSLatitude")), key).toBe(false);
      expect(variant.includes(Buffer.from("NW-0042")), key).toBe(false);

      const summary = await readCredentials(variant, mimeOf(key), newsroom.rootFile);
      expect(summary, key).toMatchObject({
        status: "trusted",
        signerName: "The Dateline Desk",
        claimGenerator: "Dateline",
        manifestCount: 3,
      });
      const actions = summary!.actions.map((a) => a.action);
      expect(actions.slice(0, 2), key).toEqual(["c2pa.opened", "c2pa.resized"]);
      expect(actions.includes("c2pa.converted"), key).toBe(!key.endsWith(".jpg"));
      expect(actions, key).toContain("c2pa.redacted");
      expect(summary!.ingredients, key).toEqual([
        { title: "original.jpg", format: "image/jpeg", relationship: "parentOf", hasCredentials: true },
      ]);

      // The whole chain a reader's tool would see: the original's manifest is there, its location is not.
      const store = await manifestStoreOf(variant, mimeOf(key));
      expect(Object.values(store!.manifests!).map((m) => m.signature_info?.common_name)).toEqual(
        expect.arrayContaining(["The Dateline Desk", "Northwind Picture Desk", "Northwind Photo Agency"]),
      );
      const text = JSON.stringify(store);
      for (const pattern of PRIVATE) expect(text, key).not.toMatch(pattern);
    }
  });

  it("sign the variants of a photo without credentials, and of a crop, saying so", async () => {
    const image = await createImage(editor, plain, {});
    expect(image.existing).toBe(false);
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    const whole = await readCredentials((await mediaStore.get(variantKeysOf(row.sha256, row.width)[0]!))!, "image/avif", newsroom.rootFile);
    expect(whole).toMatchObject({ status: "trusted", manifestCount: 1 });
    expect(whole!.ingredients[0]).toMatchObject({ relationship: "parentOf", hasCredentials: false });
    expect(whole!.actions.map((a) => a.action)).not.toContain("c2pa.cropped");

    await cropImage(editor, { id: image.id, cropX: 0.1, cropY: 0.1, cropW: 0.5, cropH: 0.5 });
    const cropped = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    const shown = variantBase(cropped);
    const key = variantKeysOf(shown.base, shown.width).find((k) => k.endsWith(".jpg"))!;
    const summary = await readCredentials((await mediaStore.get(key))!, "image/jpeg", newsroom.rootFile);
    expect(summary?.status).toBe("trusted");
    expect(summary!.actions.map((a) => a.action)).toEqual(["c2pa.opened", "c2pa.cropped", "c2pa.resized"]);
  });
});

describe("thumbnails of the original", () => {
  /** A photo as a camera and an agency's editing desk sign it: each claim with a thumbnail of the whole frame, the desk's ingredient with one too. */
  let framed: Buffer;
  /** The compressed picture data of each of those thumbnails. */
  let thumbnails: Record<"camera" | "desk" | "ingredient", Buffer>;
  beforeAll(async () => {
    const full = await makePhoto("jpeg", 1200, 800, Number.parseInt(uid(), 36) % 9973);
    const thumbnail = async (width: number) => ({
      mime: "image/jpeg",
      data: await sharp(full).resize(width).jpeg({ quality: 90 }).toBuffer(),
    });
    const [camera, desk, ingredient] = await Promise.all([thumbnail(320), thumbnail(288), thumbnail(256)]);
    thumbnails = { camera: pictureBytes(camera!.data), desk: pictureBytes(desk!.data), ingredient: pictureBytes(ingredient!.data) };
    const pki = (name: string) =>
      makeTestPki({ name, org: "Northwind Test Authority" }, fs.mkdtempSync(path.join(newsroom.dir, "thumbnails-")));
    const cameraPki = pki("Northwind Field Camera");
    const deskPki = pki("Northwind Picture Desk");
    const shot = await signWithManifest(
      full,
      "image/jpeg",
      {
        claim_generator_info: [{ name: "Northwind Field Camera", version: "4.2" }],
        title: "frame.jpg",
        assertions: [
          {
            label: "c2pa.actions",
            data: {
              actions: [{ action: "c2pa.created", digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture" }],
            },
          },
        ],
      },
      coseSigner(cameraPki.certPem, cameraPki.keyPem),
      undefined,
      camera,
    );
    framed = await signWithManifest(
      full,
      "image/jpeg",
      {
        claim_generator_info: [{ name: "Northwind Darkroom", version: "2.1" }],
        title: "frame-edited.jpg",
        assertions: [
          { label: "c2pa.actions", data: { actions: [{ action: "c2pa.opened", parameters: { ingredientIds: [PARENT_INGREDIENT] } }] } },
        ],
      },
      coseSigner(deskPki.certPem, deskPki.keyPem),
      { data: shot, mime: "image/jpeg", title: "frame.jpg", thumbnail: ingredient },
      desk,
    );
  });

  /** Every thumbnail c2pa-rs reports in the manifest store `data` carries: claim thumbnails and ingredients'. */
  async function thumbnailsIn(data: Buffer, mime: string) {
    const store = await manifestStoreOf(data, mime);
    return Object.values(store?.manifests ?? {}).flatMap((m) =>
      [m.thumbnail, ...(m.ingredients ?? []).map((i) => i.thumbnail)].filter(Boolean),
    );
  }

  /** The served variants of a photo are signed, the chain whole, and carry no thumbnail of the original, in the manifests or in their bytes. */
  async function expectNoThumbnails(keys: string[], cropped: boolean) {
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const variant = (await mediaStore.get(key))!;
      const summary = await readCredentials(variant, mimeOf(key), newsroom.rootFile);
      expect(summary, key).toMatchObject({ status: "trusted", signerName: "The Dateline Desk", manifestCount: 3 });
      expect(await thumbnailsIn(variant, mimeOf(key)), key).toEqual([]);
      for (const [name, bytes] of Object.entries(thumbnails)) expect(variant.includes(bytes), `${key}: ${name} thumbnail`).toBe(false);
      const actions = summary!.actions.map((a) => a.action);
      expect(actions.slice(0, cropped ? 3 : 2), key).toEqual(["c2pa.opened", ...(cropped ? ["c2pa.cropped"] : []), "c2pa.resized"]);
      expect(actions, key).toContain("c2pa.redacted");
      expect(summary!.ingredients, key).toEqual([
        { title: "original.jpg", format: "image/jpeg", relationship: "parentOf", hasCredentials: true },
      ]);
    }
  }

  it("are redacted from a cropped photo's variants: nothing of the whole frame travels with the crop", async () => {
    // What must not travel is there to begin with (so these checks can fail): two claim thumbnails
    // and an ingredient thumbnail, reported as such, their pictures in the file's bytes.
    expect(await thumbnailsIn(framed, "image/jpeg")).toHaveLength(3);
    for (const bytes of Object.values(thumbnails)) expect(framed.includes(bytes)).toBe(true);

    const image = await createImage(editor, framed, {});
    expect(image.existing).toBe(false);
    await cropImage(editor, { id: image.id, cropX: 0.5, cropY: 0.25, cropW: 0.4, cropH: 0.5 });
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    const shown = variantBase(row);
    expect(shown.base).not.toBe(row.sha256);
    await expectNoThumbnails(variantKeysOf(shown.base, shown.width), true);
  });

  it("are redacted from an uncropped photo's variants too, which are signed as before", async () => {
    const image = await createImage(editor, framed, {});
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id } });
    await expectNoThumbnails(variantKeysOf(row.sha256, row.width), false);
  });
});
