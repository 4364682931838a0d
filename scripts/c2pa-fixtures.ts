// npx tsx scripts/c2pa-fixtures.ts: writes the Content Credentials sample photos in
// lib/provenance/fixtures/ (see its LICENSE.md). The photos are drawn here; the manifests are
// signed with Dateline's own signer (lib/provenance) and a throwaway test authority whose root
// certificate is kept beside them (its key is not: nothing more can be signed with it).
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { makeTestPki } from "../lib/test/c2pa-pki";
import { signWithManifest, type ManifestDefinition } from "../lib/provenance/c2pa";
import { coseSigner } from "../lib/provenance/cose";

const out = path.join("lib", "provenance", "fixtures");
fs.mkdirSync(out, { recursive: true });
const pki = makeTestPki({ name: "Northwind Photo Agency", org: "Northwind Test Authority" });
const signer = coseSigner(pki.certPem, pki.keyPem);
const CAPTURE = "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture";

function drawing(seed: number) {
  const hue = (seed * 67) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><defs><linearGradient id="g" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,62%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},40%,30%)"/></linearGradient></defs><rect width="1200" height="800" fill="url(#g)"/><circle cx="${300 + seed * 90}" cy="300" r="140" fill="#f4e3b1"/><path d="M0 620 L300 420 L560 600 L820 380 L1200 640 L1200 800 L0 800Z" fill="#23313f"/></svg>`;
  return sharp(Buffer.from(svg));
}

const manifest = (title: string, extra: ManifestDefinition["assertions"] = []): ManifestDefinition => ({
  claim_generator_info: [{ name: "Northwind Field Camera", version: "4.2" }],
  title,
  assertions: [
    {
      label: "c2pa.actions",
      data: {
        actions: [
          { action: "c2pa.created", digitalSourceType: CAPTURE, when: "2026-11-28T09:14:00Z" },
          { action: "c2pa.color_adjustments", softwareAgent: { name: "Northwind Darkroom", version: "2.1" } },
          { action: "c2pa.cropped", softwareAgent: { name: "Northwind Darkroom", version: "2.1" } },
        ],
      },
    },
    ...extra,
  ],
});

// Without credentials.
fs.writeFileSync(path.join(out, "plain.jpg"), await drawing(1).jpeg({ quality: 85 }).toBuffer());

// Signed JPEG, PNG and WebP.
const signedJpeg = await signWithManifest(await drawing(2).jpeg({ quality: 85 }).toBuffer(), "image/jpeg", manifest("harbour.jpg"), signer);
fs.writeFileSync(path.join(out, "signed.jpg"), signedJpeg);
fs.writeFileSync(
  path.join(out, "signed.png"),
  await signWithManifest(await drawing(3).png().toBuffer(), "image/png", manifest("harbour.png"), signer),
);
fs.writeFileSync(
  path.join(out, "signed.webp"),
  await signWithManifest(await drawing(4).webp({ quality: 85 }).toBuffer(), "image/webp", manifest("harbour.webp"), signer),
);

// Signed, with GPS in its EXIF and in the manifest (a camera's stds.exif assertion) too.
const withGps = await drawing(5)
  .jpeg({ quality: 85 })
  .withExif({
    IFD0: { Make: "Northwind", Model: "Field Camera 4" },
    IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 2634/100", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 3960/100" },
  })
  .toBuffer();
const exifAssertion = {
  label: "stds.exif",
  data: {
    "@context": { exif: "http://ns.adobe.com/exif/1.0/" },
    "exif:GPSLatitude": "51,30.439N",
    "exif:GPSLongitude": "0,7.66W",
    "exif:GPSAltitude": "11/1",
    "exif:BodySerialNumber": "NW-0042-SECRET",
  },
};
fs.writeFileSync(
  path.join(out, "signed-gps.jpg"),
  await signWithManifest(withGps, "image/jpeg", manifest("harbour-gps.jpg", [exifAssertion]), signer),
);

// Signed, then changed: a run of pixel bytes near the end of the image data is inverted, so the
// data hash the signature covers no longer matches.
const tampered = Buffer.from(signedJpeg);
for (let i = tampered.length - 400; i < tampered.length - 300; i++) tampered[i] = tampered[i]! ^ 0x5a;
fs.writeFileSync(path.join(out, "tampered.jpg"), tampered);

fs.copyFileSync(pki.rootFile, path.join(out, "test-root.pem"));
fs.rmSync(pki.dir, { recursive: true, force: true });
console.log(`Wrote the sample photos in ${out}.`);
