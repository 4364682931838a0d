import { z } from "zod";

const text = (max: number, label: string) => z.string().trim().max(max, `${label} can be at most ${max} characters.`).default("");

/** The editorial fields of an Image in the media library. */
export const imageMetadataSchema = z.object({
  altText: text(500, "Alt text"),
  caption: text(2000, "Captions"),
  credit: text(200, "The credit"),
  agency: text(200, "The agency"),
  copyright: text(300, "The copyright notice"),
  license: text(1000, "License terms"),
  licenseExpiresAt: z.coerce.date({ error: "Enter a valid date." }).nullish(),
  focalX: z.number().min(0).max(1).default(0.5),
  focalY: z.number().min(0).max(1).default(0.5),
});

/** Per-story overrides of an image's caption, credit and alt text; empty means "use the library's". */
export const imagePlacementSchema = z.object({
  imageId: z.string().min(1, "Choose a photo."),
  caption: z.string().trim().max(2000).nullish(),
  credit: z.string().trim().max(200).nullish(),
  agency: z.string().trim().max(200).nullish(),
  altText: z.string().trim().max(500).nullish(),
});

export type ImageMetadataInput = z.input<typeof imageMetadataSchema>;
export type ImagePlacementInput = z.input<typeof imagePlacementSchema>;

/** The public credit line: "Photographer/Agency", or whichever of the two is known. */
export function creditLine(credit?: string | null, agency?: string | null): string {
  return [credit?.trim(), agency?.trim()].filter(Boolean).join("/");
}
