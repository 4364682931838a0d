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
