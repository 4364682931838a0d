import { z } from "zod";
import { ArticleStatus, CorrectionKind, SourceKind, WireStatus } from "../generated/prisma/enums";
import { bodySchema } from "../articles/body";
import { AUTHOR_KINDS } from "../authors/schema";

// The API's answers, as zod schemas: the handlers' outputs are typed by them, the OpenAPI document
// (lib/api/openapi.ts) is generated from them, and the tests check every answer against them.

const isoDate = z.string().meta({ format: "date-time" });
const nullableDate = isoDate.nullable();

export const sectionRefSchema = z.object({ name: z.string(), slug: z.string() }).meta({ id: "SectionRef" });
const bylineKind = z
  .enum(AUTHOR_KINDS)
  .describe("PERSON, or ORGANIZATION for a news agency, a desk or staff (schema.org's Person or Organization).");
export const bylineRefSchema = z
  .object({ name: z.string(), slug: z.string(), title: z.string().nullable(), kind: bylineKind })
  .meta({ id: "BylineRef" });
export const tagRefSchema = z.object({ name: z.string(), slug: z.string() }).meta({ id: "TagRef" });

/** A photo's Content Credentials (C2PA), as its original carried them at upload (issue 19): never location or other EXIF data. */
export const contentCredentialsSchema = z
  .object({
    status: z
      .enum(["trusted", "untrusted", "invalid"])
      .describe(
        "trusted: the signature validates and the signer is on the newsroom's trust list; untrusted: it validates, the signer is not on the list; invalid: it does not validate.",
      ),
    summary: z.string().describe('In words: "valid, signed by …" or "signature does not validate".'),
    reason: z.string().describe("Why it does not validate, or why the signer is untrusted; empty when trusted."),
    claimGenerator: z.string().describe("The device or program that made the claim."),
    signer: z.string(),
    signerName: z.string().describe("The signing certificate's common name."),
    signerOrg: z.string().describe("The signing certificate's organisation."),
    signedAt: nullableDate,
    actions: z.array(
      z.object({
        action: z.string().describe("The C2PA action, e.g. c2pa.created, c2pa.edited."),
        label: z.string(),
        when: z.string().nullable(),
        softwareAgent: z.string().nullable(),
        digitalSourceType: z.string().nullable().describe("The IPTC digital source type URI, e.g. …/digitalCapture."),
        source: z.string().nullable(),
      }),
    ),
    ingredients: z.array(z.object({ title: z.string(), format: z.string(), relationship: z.string(), hasCredentials: z.boolean() })),
    manifestCount: z.number().int(),
    path: z.string().describe("The readers' Content Credentials view (site-relative)."),
  })
  .meta({ id: "ContentCredentials" });

export const photoSchema = z
  .object({
    id: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    altText: z.string(),
    caption: z.string(),
    credit: z.string(),
    agency: z.string(),
    creditLine: z.string().describe('The credit readers see: "Photographer/Agency".'),
    copyright: z.string(),
    license: z.string(),
    licenseExpiresAt: nullableDate.describe(
      "The license's last day, as that day's UTC midnight: the photo may be used to the end of that day in the newsroom's time zone.",
    ),
    focalPoint: z.object({ x: z.number(), y: z.number() }),
    src: z.string().describe("A JPEG of about 1600 px (site-relative)."),
    variants: z.array(z.object({ url: z.string(), width: z.number().int(), format: z.enum(["avif", "webp", "jpg"]) })),
    credentials: contentCredentialsSchema.nullable(),
  })
  .meta({ id: "Photo" });

/** A photo as placed in a story: the story's own caption, credit and alt text over the library's. */
export const placedPhotoSchema = z
  .object({
    photoId: z.string(),
    src: z.string(),
    srcSet: z.object({ avif: z.string(), webp: z.string(), jpg: z.string() }),
    width: z.number().int(),
    height: z.number().int(),
    alt: z.string(),
    caption: z.string(),
    creditLine: z.string(),
    copyright: z.string(),
    credentials: contentCredentialsSchema.nullable(),
  })
  .meta({ id: "PlacedPhoto" });

export const storySummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    path: z.string(),
    url: z.string(),
    headline: z.string(),
    dek: z.string(),
    language: z
      .string()
      .describe(
        "The language the story is written in, a BCP 47 tag such as en or nb-NO: its own when the desk gave it one, else the newsroom's, from its settings.",
      ),
    section: sectionRefSchema.nullable(),
    bylines: z.array(z.object({ name: z.string(), slug: z.string() })),
    publishedAt: nullableDate,
    updatedAt: nullableDate.describe("The last material update readers see."),
    modifiedAt: isoDate.describe("When anything about the story last changed, a minor fix included: what `updatedSince` compares with."),
    version: z.number().int().describe("The story's version, as a webhook's body names it: it grows with every change."),
  })
  .meta({ id: "StorySummary" });

export const sourceSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string(),
    publisher: z.string(),
    kind: z.enum(SourceKind),
    note: z.string(),
    accessedAt: nullableDate,
    archivedUrl: z.string().nullable(),
  })
  .meta({ id: "Source" });

/** Issue 19: a story's source with Dateline's own archived copy of it (lib/sources/). */
export const storySourceSchema = sourceSchema
  .extend({
    archivedCopy: z
      .object({
        url: z.string().describe("Dateline's page of the copy's readable text."),
        capturedAt: isoDate,
        status: z.number().int().nullable().describe("The HTTP status the source answered with."),
      })
      .nullable()
      .describe("Dateline's archived copy of the source, taken when the story was published (or since refreshed); null until one is made."),
  })
  .meta({ id: "StorySource" });

export const correctionSchema = z
  .object({ id: z.string(), kind: z.enum(CorrectionKind), text: z.string(), createdAt: isoDate })
  .meta({ id: "Correction" });

export const storySchema = storySummarySchema
  .extend({
    dateline: z.string(),
    description: z.string(),
    seoTitle: z.string().nullable(),
    canonicalUrl: z.string().nullable(),
    bylines: z.array(bylineRefSchema),
    tags: z.array(tagRefSchema),
    hero: placedPhotoSchema.nullable(),
    body: z.object({
      document: bodySchema.describe("The structured document (node types: paragraph, heading, blockquote, lists, image, embed)."),
      html: z.string().describe("The same body as readers' pages render it."),
    }),
    sources: z.array(storySourceSchema),
    corrections: z.array(correctionSchema),
  })
  .meta({ id: "Story" });

export const pageSchema = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({ data: z.array(item), nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last.") })
    .meta({ id });

export const storyListSchema = pageSchema(storySummarySchema, "StoryList");
/** A section's, tag's or byline's id: what a desk API story takes (`sectionId`, `tagIds`, `authorIds`). */
const refId = z.string().describe("Its id, as a story's sectionId, tagIds or authorIds take it in the desk API.");
export const sectionListSchema = z
  .object({ data: z.array(z.object({ id: refId, name: z.string(), slug: z.string(), description: z.string().nullable() })) })
  .meta({ id: "SectionList" });
export const tagListSchema = z
  .object({ data: z.array(z.object({ id: refId, name: z.string(), slug: z.string() })) })
  .meta({ id: "TagList" });
/** A byline or tag the desk API made (or, for a tag, found by its name). */
export const createdRefSchema = z.object({ id: refId, name: z.string(), slug: z.string() }).meta({ id: "CreatedRef" });
export const bylineListSchema = z
  .object({
    data: z.array(
      z.object({
        id: refId,
        name: z.string(),
        slug: z.string(),
        title: z.string().nullable(),
        bio: z.string().nullable(),
        kind: bylineKind,
      }),
    ),
  })
  .meta({ id: "BylineList" });

/** A story as the desk's editor loads it (any status the key's user may see): `fields` is what PUT takes back. */
export const deskStorySchema = z
  .object({
    id: z.string(),
    version: z.number().int().describe("Send it back with a save; a stale one is refused with 409."),
    status: z.enum(ArticleStatus),
    canEdit: z.boolean(),
    canCorrect: z.boolean(),
    canDelete: z.boolean(),
    moves: z.array(z.enum(ArticleStatus)).describe("Statuses the key's user may move the story to."),
    problems: z.array(z.string()).describe("What the story lacks before it may go live."),
    wire: z
      .object({
        agency: z.string(),
        embargoAt: nullableDate,
        status: z.enum(WireStatus),
        warning: z.string().nullable().describe("Set when the agency killed or withdrew the item."),
      })
      .nullable()
      .describe("The wire item the story was taken from (its embargo, and whether the agency killed it), or null."),
    wireUpdate: z
      .object({
        itemId: z.string(),
        agency: z.string(),
        taken: z.number().int().describe("The item's version the story was taken from."),
        version: z.number().int().describe("Its newest version (for feeds, the entry's update time in seconds)."),
        says: z.string().describe("The editor's sentence about it."),
        changes: z.array(z.string()).describe("What each newer version changed, as sentences."),
      })
      .nullable()
      .describe("Versions the agency sent of that item after the story was taken (a correction, an update), or null."),
    livePath: z.string().nullable(),
    scheduledFor: nullableDate,
    firstPublishedAt: nullableDate,
    contentUpdatedAt: nullableDate,
    updatedAt: isoDate,
    updatedBy: z.string().nullable(),
    corrections: z.array(correctionSchema),
    fields: z.object({
      headline: z.string(),
      slug: z.string(),
      dek: z.string(),
      dateline: z.string(),
      sectionId: z.string().nullable(),
      authorIds: z.array(z.string()),
      tagIds: z.array(z.string()),
      body: bodySchema,
      seoTitle: z.string(),
      seoDescription: z.string(),
      canonicalUrl: z.string(),
      language: z.string().describe("The story's own language, a BCP 47 tag; empty: the newsroom's (its settings)."),
      sources: z.array(sourceSchema.omit({ id: true }).extend({ accessedAt: z.string().nullable().describe("YYYY-MM-DD") })),
      hero: z.object({ imageId: z.string(), caption: z.string(), credit: z.string(), agency: z.string(), altText: z.string() }).nullable(),
    }),
  })
  .meta({ id: "DeskStory" });
export const deskStoryListSchema = z
  .object({
    data: z.array(
      z.object({
        id: z.string(),
        slug: z.string(),
        headline: z.string(),
        status: z.enum(ArticleStatus),
        version: z.number().int(),
        updatedAt: isoDate,
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "DeskStoryList" });
export const savedStorySchema = z.object({ id: z.string(), slug: z.string(), version: z.number().int() }).meta({ id: "SavedStory" });
export const createdPhotoSchema = z
  .object({ id: z.string(), existing: z.boolean().describe("The same file was in the library already.") })
  .meta({ id: "CreatedPhoto" });
export const wirePushResultSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        guid: z.string(),
        version: z.number().int(),
        outcome: z.enum(["created", "updated", "ignored"]),
        status: z.enum(WireStatus),
      }),
    ),
  })
  .meta({ id: "WirePushResult" });
export const createdCorrectionSchema = z.object({ id: z.string(), version: z.number().int() }).meta({ id: "CreatedCorrection" });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.record(z.string(), z.array(z.string())).optional().describe("Messages per field path, as the desk shows them at each field."),
    savedBy: z.string().optional(),
    savedAt: z.string().optional(),
    currentVersion: z.number().int().optional(),
    storyStatus: z
      .string()
      .optional()
      .describe("For a version conflict: the story's workflow status now (it may have gone live in between)."),
    retryAfterSeconds: z.number().int().optional(),
    problems: z.array(z.string()).optional(),
  })
  .meta({ id: "Problem" });

export type StoryJson = z.input<typeof storySchema>;
