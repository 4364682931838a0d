import { z } from "zod";

const text = (max: number, label: string) => z.string().trim().max(max, `${label} can be at most ${max} characters.`).default("");

/**
 * A license's last day, kept as that day's UTC midnight (lib/media/license.ts): a value sent with a
 * time and an offset ("2026-12-05T23:00:00-05:00") means the date written in it, not the UTC day
 * that instant falls on.
 */
const licenseDate = z.preprocess(
  (value) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}(?:$|T)/.test(value.trim()) ? value.trim().slice(0, 10) : value),
  z.coerce.date({ error: "Enter a valid date." }),
);

/** The editorial fields of an Image in the media library. */
export const imageMetadataSchema = z.object({
  altText: text(500, "Alt text"),
  caption: text(2000, "Captions"),
  credit: text(200, "The credit"),
  agency: text(200, "The agency"),
  copyright: text(300, "The copyright notice"),
  license: text(1000, "License terms"),
  licenseExpiresAt: licenseDate.nullish(),
  creditLine: text(200, "The credit line"),
  dateTaken: z.coerce.date({ error: "Enter a valid date." }).nullish(),
  focalX: z.number().min(0).max(1).default(0.5),
  focalY: z.number().min(0).max(1).default(0.5),
});

/** Per-story overrides of an image's caption, credit and alt text; empty means "use the library's". */
export const imagePlacementSchema = z.object({
  imageId: z.string().min(1, "Choose a photo."),
  caption: z.string().trim().max(2000, "The caption can be at most 2,000 characters.").nullish(),
  credit: z.string().trim().max(200, "The photographer's name can be at most 200 characters.").nullish(),
  agency: z.string().trim().max(200, "The agency's name can be at most 200 characters.").nullish(),
  altText: z
    .string()
    .trim()
    .max(500, "Alt text can be at most 500 characters: say what the photo shows, and put the rest in the caption.")
    .nullish(),
  creditLine: z.string().trim().max(200, "The credit line can be at most 200 characters.").nullish(),
});

export type ImageMetadataInput = z.input<typeof imageMetadataSchema>;
export type ImagePlacementInput = z.input<typeof imagePlacementSchema>;

/** A photo's placement in a story as the editor's form holds it: what the story says of the photo, empty where it uses the library's. */
export function placementFields(p: {
  imageId: string;
  caption: string | null;
  credit: string | null;
  agency: string | null;
  altText: string | null;
  creditLine?: string | null;
}) {
  return {
    imageId: p.imageId,
    caption: p.caption ?? "",
    credit: p.credit ?? "",
    agency: p.agency ?? "",
    altText: p.altText ?? "",
    // Snapshots from before issue 15 have no free-form credit.
    creditLine: p.creditLine ?? "",
  };
}

/** Alt text longer than this is usually a caption in the wrong field: screen readers read it all, without pause. */
export const ALT_TEXT_HINT = 150;

/**
 * The public credit line: a free-form line ("Courtesy of the family") exactly as typed when there
 * is one, otherwise "Photographer/Agency", or whichever of the two is known.
 */
export function creditLine(credit?: string | null, agency?: string | null, freeform?: string | null): string {
  if (freeform?.trim()) return freeform.trim();
  return [credit?.trim(), agency?.trim()].filter(Boolean).join("/");
}

/**
 * A credit line that says what it credits itself: "Photo by …", "Photograph: …", "Photographer: …",
 * "Photo credit: AP", "Photo – Reuters", "Illustration: …", "Foto di/de/von …", "Bild: …",
 * "Fotografía: EFE", or an agency's own form, "AP Photo/Evan Vucci". An agency's name ("Pictures
 * Ltd", "Photo Agency X", "Imagine China") is not a label.
 */
const OWN_LABEL =
  /^(?:(?:photo(?:graph(?:y|er|ie)?)?|picture|image|foto(?:graf(?:ía|ia|ie)?)?|bild|(?:photo[- ]?)?illustration|graphic)s?\s*(?::|[–—]|-\s|by\b|credits?\b|courtesy\b|(?:di|de|von|door|par)\s)|credits?\s*:|[^/]*\bphotos?\/)/i;

/**
 * The label readers see before a credit line: "Photo:", or none when the line, as typed or as the
 * agency's file says it, has its own (it read "Photo: Photo by …").
 */
export function creditLabel(line: string): string | null {
  return OWN_LABEL.test(line.trim()) ? null : "Photo:";
}

/** A credit line as readers see it, label and all, where it is written as text. */
export function creditForReaders(line: string): string {
  const label = creditLabel(line);
  return label ? `${label} ${line}` : line;
}

type CreditFields = { credit?: string | null; agency?: string | null; creditLine?: string | null };

/**
 * The credit readers see for a photo placed in a story: this story's own (a free-form line, or a
 * photographer or agency of its own), else the library's. The story's page, the API and the
 * editor's hero picker all show this one.
 */
export function placedCreditLine(image: { credit: string; agency: string; creditLine: string }, placed: CreditFields): string {
  const storyCredit =
    placed.creditLine?.trim() ||
    (placed.credit || placed.agency ? creditLine(placed.credit || image.credit, placed.agency || image.agency) : "");
  return storyCredit || creditLine(image.credit, image.agency, image.creditLine);
}

/** What the desk calls a photo: its library caption (cut at 80 characters), else its file's name. */
export function photoTitle(image: { caption: string | null; originalFilename: string | null }): string {
  const caption = image.caption?.trim() ?? "";
  if (caption) return caption.length > 80 ? `${caption.slice(0, 79)}…` : caption;
  return image.originalFilename || "Untitled photo";
}

/** The crop readers get, as fractions of the (orientation-corrected) original. */
export const photoCropSchema = z
  .object({
    id: z.string().min(1),
    cropX: z.number().min(0).max(1),
    cropY: z.number().min(0).max(1),
    cropW: z.number().min(0.05, "A crop must keep at least 5% of the photo's width.").max(1),
    cropH: z.number().min(0.05, "A crop must keep at least 5% of the photo's height.").max(1),
  })
  .refine((c) => c.cropX + c.cropW <= 1.0001 && c.cropY + c.cropH <= 1.0001, {
    message: "The crop must lie inside the photo.",
    path: ["cropW"],
  });
export type PhotoCropInput = z.input<typeof photoCropSchema>;

/** The details an upload stores from what the file says (lib/media/metadata.ts reads them). */
export type PhotoDetailsFromFile = {
  credit: string;
  agency: string;
  copyright: string;
  caption: string;
  license: string;
  /** ISO 8601, or "" when the file does not say. */
  dateTaken: string;
};

/** The names of the details a file gave, for "Read from the file: …" messages. */
export const DETAIL_LABELS: Record<keyof PhotoDetailsFromFile, string> = {
  caption: "caption",
  credit: "photographer",
  agency: "agency",
  copyright: "copyright",
  license: "usage terms",
  dateTaken: "date taken",
};
