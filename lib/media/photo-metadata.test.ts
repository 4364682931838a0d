import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeWirePhoto, WIRE_PHOTO } from "../test/images";
import { isoOrEmpty, mergeMetadata, parseExif, parseIptc, parseXmp, prefillFromMetadata } from "./metadata";
import { creditForReaders, creditLine } from "./schema";
import { cropPixels, variantBase } from "./variants";

const read = async (data: Buffer) => {
  const info = await sharp(data).metadata();
  return { iptc: parseIptc(info.iptc), xmp: parseXmp(info.xmp?.toString("utf8")), exif: parseExif(info.exif) };
};

describe("what a wire photo says about itself", () => {
  it("reads caption, photographer, agency, copyright, usage terms and date taken from IPTC, XMP and EXIF", async () => {
    const { iptc, xmp, exif } = await read(await makeWirePhoto(1));
    expect(iptc).toMatchObject({ creator: WIRE_PHOTO.creator, creditLine: WIRE_PHOTO.agency, dateTaken: WIRE_PHOTO.dateTaken });
    expect(xmp).toMatchObject({ usageTerms: WIRE_PHOTO.usageTerms, dateTaken: WIRE_PHOTO.dateTaken, caption: WIRE_PHOTO.caption });
    expect(exif).toMatchObject({ creator: WIRE_PHOTO.creator, copyright: WIRE_PHOTO.copyright, dateTaken: WIRE_PHOTO.dateTaken });
    expect(prefillFromMetadata(mergeMetadata(iptc, xmp, exif))).toEqual({
      caption: WIRE_PHOTO.caption,
      credit: WIRE_PHOTO.creator,
      agency: WIRE_PHOTO.agency,
      copyright: WIRE_PHOTO.copyright,
      license: WIRE_PHOTO.usageTerms,
      dateTaken: WIRE_PHOTO.dateTaken,
    });
  });

  it("takes a date alone at noon UTC and drops impossible dates", () => {
    expect(parseIptc(Buffer.from([0x1c, 0x02, 55, 0, 8, ...Buffer.from("20230412")])).dateTaken).toBe("2023-04-12T12:00:00.000Z");
    expect(isoOrEmpty("0000-00-00")).toBe("");
    expect(isoOrEmpty("not a date")).toBe("");
    expect(isoOrEmpty("9999-01-01T00:00:00Z")).toBe("");
  });
});

describe("credit lines", () => {
  it("reads Photographer/Agency, and a free-form line exactly as typed when there is one", () => {
    expect(creditLine("Roman Pilipey", "Getty Images")).toBe("Roman Pilipey/Getty Images");
    expect(creditLine("", "Getty Images")).toBe("Getty Images");
    expect(creditLine("Roman Pilipey", "Getty Images", "Handout/Ministry of Defence")).toBe("Handout/Ministry of Defence");
    expect(creditLine("", "", "  Courtesy of the family ")).toBe("Courtesy of the family");
  });

  it("are labelled 'Photo:' for readers, unless the line says what it credits itself", () => {
    expect(creditForReaders("Roman Pilipey/Getty Images")).toBe("Photo: Roman Pilipey/Getty Images");
    expect(creditForReaders("Courtesy of the family")).toBe("Photo: Courtesy of the family");
    expect(creditForReaders("Imagen Latina/Reuters")).toBe("Photo: Imagen Latina/Reuters");
    for (const agency of ["Photo Agency X", "Pictures Ltd", "Imagine China", "Fotoagentur Nord", "picture alliance/dpa", "imageBROKER"])
      expect(creditForReaders(agency)).toBe(`Photo: ${agency}`);
    for (const own of [
      "Photo: Reuters",
      "Photo by Jane Doe",
      "PHOTOGRAPH: AP",
      "Photo courtesy of NASA",
      "Illustration: Dateline",
      "Photos: Pool",
      "Photographer: Ana Ruiz",
      "Photography by Ana Ruiz",
      "Photo credit: AP",
      "Credit: Handout",
      "Photo – Reuters",
      "AP Photo/Evan Vucci",
      "Bild: Keystone",
      "Fotografía: EFE",
      "Foto di Marco Rossi",
      "Foto von Jana Schmidt",
      "Photo illustration by Dateline",
      "Photo-illustration: Dateline",
      "Fotograf: Jana Schmidt",
      "Photographie : AFP",
      "Photo—Reuters",
    ])
      expect(creditForReaders(own)).toBe(own);
  });
});

describe("crops", () => {
  it("names an uncropped photo's variants by its hash alone and a cropped one's by hash and crop", () => {
    const photo = { sha256: "abc", width: 1600, height: 1000, cropX: 0, cropY: 0, cropW: 1, cropH: 1 };
    expect(variantBase(photo)).toEqual({ base: "abc", width: 1600, height: 1000 });
    const cropped = variantBase({ ...photo, cropX: 0.25, cropY: 0.1, cropW: 0.5, cropH: 0.5 });
    expect(cropped).toEqual({ base: "abc-c400x100x800x500", width: 800, height: 500 });
    expect(cropPixels(100, 100, { cropX: 0.99, cropY: 0.99, cropW: 0.5, cropH: 0.5 })).toEqual({ left: 99, top: 99, width: 1, height: 1 });
  });
});
