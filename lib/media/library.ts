import { cache } from "react";
import sharp from "sharp";
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { db, typedSearch, type Tx } from "../db";
import { recordAudit } from "../audit/mutations";
import { log } from "../log";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { mergeMetadata, parseExif, parseIptc, parseXmp, prefillFromMetadata } from "./metadata";
import { imageMetadataSchema, photoTitle } from "./schema";
import { mediaStore } from "./store";
import { removeFiles } from "./ingest";
import { photoCardSelect, toLibraryImage } from "./queries";
import { photoFileKeys, variantBase, variantSelect, variantUrl, variantWidths } from "./variants";
import { assertMayChangePhoto, photoDeletePolicy, photoUse, toPhotoUse, type PhotoUse } from "./policy";
import { watchLicenseExpiry } from "./license-expiry";
import { andList, quoted } from "../format/text";
import { readSiteSettings } from "../settings/queries";
import { isPhotoMetadataProblem, publishProblems, readinessSelect } from "../articles/workflow";
import { storyFactsSelect } from "../articles/policy";

export const LIBRARY_PAGE_SIZE = 48;
/** Photos per page in the story editor's pickers. */
export const PICKER_PAGE_SIZE = 24;

export const libraryFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  missing: z.enum(["alt", "credit"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

/**
 * The media library grid and the pickers: search over caption, credit (photographer, agency or
 * free-form line), alt text and file name; filters for missing alt text or credit; pages.
 */
export async function listLibrary(filter: Partial<z.output<typeof libraryFilterSchema>> = {}, pageSize = LIBRARY_PAGE_SIZE) {
  const f = libraryFilterSchema.parse(filter);
  const where: Prisma.ImageWhereInput = {
    AND: [
      ...typedSearch(f.q ?? "").map((text) => ({
        OR: [{ caption: text }, { credit: text }, { agency: text }, { creditLine: text }, { altText: text }, { originalFilename: text }],
      })),
      f.missing === "alt" ? { altText: "" } : {},
      f.missing === "credit" ? { credit: "", agency: "", creditLine: "" } : {},
    ],
  };
  const [rows, total, { timeZone }] = await Promise.all([
    db.image.findMany({
      where,
      select: photoCardSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: pageSize,
      skip: (f.page - 1) * pageSize,
    }),
    db.image.count({ where }),
    readSiteSettings(),
  ]);
  return {
    rows: rows.map((r) => toLibraryImage(r, timeZone)),
    total,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    filter: f,
  };
}

/**
 * One photo with its fields, where it is used, and what its file says (shown until an editor
 * confirms the details); `timeZone`, the newsroom's, decides whether its license has run out.
 * Read once per request (the photo page's title and the page ask it).
 */
export const getImageDetails = cache(async function getImageDetails(id: string, timeZone: string) {
  const image = await db.image.findUnique({
    where: { id },
    select: {
      ...photoCardSelect,
      storageKey: true,
      mimeType: true,
      bytes: true,
      uploadedBy: { select: { name: true } },
      placements: { select: { role: true, article: { select: { id: true, headline: true, publishedAt: true, ...storyFactsSelect } } } },
    },
  });
  if (!image) return null;
  const original = await mediaStore.get(image.storageKey);
  const info = original
    ? await sharp(original)
        .metadata()
        .catch(() => null)
    : null;
  const embedded = info ? mergeMetadata(parseIptc(info.iptc), parseXmp(info.xmp?.toString("utf8")), parseExif(info.exif)) : null;
  // Each story once (a photo may be its hero and in its body), with what the desk's rules ask of it.
  const use = toPhotoUse(image.placements.map((p) => p.article));
  const card = toLibraryImage(image, timeZone);
  return {
    ...card,
    // The whole (uncropped) photo, to set the crop and focal point on.
    preview: variantUrl(image.sha256, image.width, 960),
    variants: readerVariants(image),
    embedded,
    fromFile: embedded ? prefillFromMetadata(embedded) : null,
    /** The live stories first, newest first, then the others. */
    usedIn: [...use.liveStories, ...use.otherStories],
    use,
  };
});

/** The pictures readers get of a photo (each width of the JPEG variant of its crop), for the photo form's preview. */
function readerVariants(image: Parameters<typeof variantBase>[0]) {
  const shown = variantBase(image);
  return variantWidths(shown.width).map((w) => ({
    width: w,
    height: Math.round((w * shown.height) / shown.width),
    src: variantUrl(shown.base, shown.width, w),
  }));
}

export const updateImageSchema = imageMetadataSchema.extend({ id: z.string().min(1) });

/** A photo's details an editor writes (the audit log names those a save changed). */
const EDITORIAL_FIELDS = {
  caption: true,
  credit: true,
  agency: true,
  creditLine: true,
  altText: true,
  copyright: true,
  license: true,
  licenseExpiresAt: true,
} as const;

/**
 * Saves a photo's editorial fields and focal point, which confirms the details read from its file
 * (anyone with media.edit; a live story's photo, editors: lib/media/policy.ts).
 */
export async function updateImageMetadata(viewer: Viewer, input: z.input<typeof updateImageSchema>) {
  assertPermission(viewer, "media.edit");
  const { id, ...fields } = parseOrThrow(updateImageSchema, input);
  const saved = await db.$transaction(async (tx) => {
    const found = await tx.image.findUnique({ where: { id }, select: { ...EDITORIAL_FIELDS } });
    if (!found) throw new AppError("not_found", "That photo is no longer in the library.");
    const use = await photoUse(id, tx);
    assertMayChangePhoto(viewer, use);
    const before = await livePhotoNeeds(tx, use);
    const licenseExpiresAt = fields.licenseExpiresAt ?? null;
    // A new expiry date is watched again (lib/media/license-expiry.ts).
    const expiryMoved = found.licenseExpiresAt?.getTime() !== licenseExpiresAt?.getTime();
    await tx.image.update({
      where: { id },
      data: {
        ...fields,
        licenseExpiresAt,
        ...(expiryMoved ? { licenseExpiryNoticeAt: null } : {}),
        dateTaken: fields.dateTaken ?? null,
        detailsConfirmed: true,
      },
    });
    assertNoLivePhotoLoss(use, before, await livePhotoNeeds(tx, use));
    // Which details changed, for the audit log (a credit taken off a photo must be traceable).
    const changed = (Object.keys(EDITORIAL_FIELDS) as (keyof typeof EDITORIAL_FIELDS)[]).filter(
      (key) => String(found[key] ?? "") !== String(fields[key] ?? ""),
    );
    await recordAudit(tx, { actorId: viewer.id, action: "image.update", entityType: "Image", entityId: id, data: { changed } });
    return { id, watch: expiryMoved ? licenseExpiresAt : null };
  });
  // Editors hear on the day (the hourly sweep catches a date whose job could not be added).
  if (saved.watch)
    await watchLicenseExpiry(id, saved.watch).catch((error: unknown) =>
      log("warn", "the license expiry's job was not added; the hourly sweep will notice it", { imageId: id, error: String(error) }),
    );
  return { id };
}

/** The alt text and credit needs (publishProblems') of each live story showing a photo, as saved in `tx`. */
async function livePhotoNeeds(tx: Tx, use: PhotoUse): Promise<Map<string, string[]>> {
  if (use.liveStories.length === 0) return new Map();
  const stories = await tx.article.findMany({
    where: { id: { in: use.liveStories.map((s) => s.id) } },
    select: { id: true, ...readinessSelect },
  });
  // Only alt text and credits are kept, which need no zone (a license's end does: lib/media/license.ts).
  return new Map(
    stories.map((story) => [story.id, publishProblems(story, new Date(), { facts: null, timeZone: "UTC" }).filter(isPhotoMetadataProblem)]),
  );
}

/**
 * Refuses a change to a photo that takes from a live story the alt text or credit publishing
 * required of it (the story's own placement may give them; then the library's are not needed), as
 * a save of the story itself is refused (lib/articles/mutations/update.ts). What a story lacked
 * already (an imported one) does not stop a change that leaves it so.
 */
function assertNoLivePhotoLoss(use: PhotoUse, before: Map<string, string[]>, after: Map<string, string[]>) {
  const lost = new Set([...after].flatMap(([id, needs]) => needs.filter((need) => !before.get(id)?.includes(need))));
  if (lost.size === 0) return;
  const alt = [...lost].some((need) => need.startsWith("alt text"));
  const credit = [...lost].some((need) => need.startsWith("a credit"));
  const stories = use.liveStories.map((s) => quoted(s.headline)).join(", ");
  const where =
    use.liveStories.length === 1
      ? `a live story (${stories}), which needs`
      : `${use.liveStories.length} live stories (${stories}), which need`;
  throw new AppError(
    "invalid",
    `This photo is in ${where} ${andList([...(alt ? ["alt text"] : []), ...(credit ? ["a credit"] : [])])} for it. Nothing was saved.`,
    {
      ...(alt ? { altText: ["A live story shows this photo: it needs alt text."] } : {}),
      ...(credit ? { credit: ["A live story shows this photo: it needs a credit (a photographer, an agency or a credit line)."] } : {}),
    },
  );
}

/** Deletes a photo no story uses (editors: lib/media/policy.ts, photoDeletePolicy). */
export async function deleteImage(viewer: Viewer, id: string) {
  const image = await db.image.findUnique({
    where: { id },
    select: { ...variantSelect, storageKey: true, caption: true, originalFilename: true },
  });
  if (!image) throw new AppError("not_found", "That photo is no longer in the library.");
  const decision = photoDeletePolicy(viewer, await photoUse(id));
  if (!decision.allowed) throw new AppError(decision.inUse ? "invalid" : "forbidden", decision.reason);
  await db.$transaction(async (tx) => {
    // A story may have taken it up since the check above.
    if ((await tx.articleImage.count({ where: { imageId: id } })) > 0)
      throw new AppError("invalid", "A story has just taken this photo up. Take it out there first.");
    await tx.image.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "image.delete",
      entityType: "Image",
      entityId: id,
      // Named as the desk names it; with neither caption nor file name, "deleted a photo".
      data: { sha256: image.sha256, name: image.caption || image.originalFilename ? photoTitle(image) : "" },
    });
  });
  await removeFiles(photoFileKeys(image));
  return { id };
}
