import { z } from "zod";
import { ArticleStatus, PlacementRole } from "../generated/prisma/enums";
import type { Prisma } from "../generated/prisma/client";
import { bodyHasText, bodySchema } from "./body";
import { wireProblems, type WireFacts } from "../wire/policy";
import { storyVersionSchema } from "./schema";
import { licenseExpired } from "../media/license";

const S = ArticleStatus;

/** Status names as the desk shows them (safe for client components). */
export const STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  UNPUBLISHED: "Unpublished",
};

export const transitionFieldsSchema = z.object({
  id: z.string().min(1),
  version: storyVersionSchema,
  to: z.enum(ArticleStatus),
  scheduledFor: z.coerce.date({ error: "Enter a valid date and time." }).nullish(),
  reason: z.string().trim().max(1000, "Keep the reason under 1000 characters.").default(""),
});

export const transitionArticleSchema = transitionFieldsSchema.superRefine((v, ctx) => {
  if (v.to === S.SCHEDULED && !v.scheduledFor) {
    ctx.addIssue({ code: "custom", path: ["scheduledFor"], message: "Choose when the story should go live." });
  }
  if (v.to === S.UNPUBLISHED && v.reason === "") {
    ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the story is being unpublished; it is kept in the audit log." });
  }
});
export type TransitionArticleInput = z.input<typeof transitionArticleSchema>;

export const readinessSelect = {
  headline: true,
  slug: true,
  body: true,
  sectionId: true,
  authors: { select: { authorId: true } },
  images: {
    select: {
      role: true,
      altText: true,
      credit: true,
      agency: true,
      creditLine: true,
      image: { select: { altText: true, credit: true, agency: true, creditLine: true, licenseExpiresAt: true } },
    },
  },
} satisfies Prisma.ArticleSelect;

/**
 * The problems an import reports instead of refusing (lib/import/): an archive's photos often
 * lack alt text or credits, and its stories were live long before they came here.
 */
export const isPhotoMetadataProblem = (problem: string) => /^(alt text|a credit) for /.test(problem);

/**
 * The needs of publishProblems that one field holds, by the field's name in the editor's form and
 * in the API's fields: a refused save shows each at its field (lib/articles/mutations/update.ts).
 */
const FIELD_NEEDS = {
  headline: "a headline",
  slug: "a slug",
  body: "a body",
  sectionId: "a section",
  authorIds: "at least one byline",
} as const;

/** The field that holds one of publishProblems' needs, or null for a need of no one field (a photo's credit, an embargo). */
export function fieldOfNeed(problem: string): keyof typeof FIELD_NEEDS | null {
  const entry = Object.entries(FIELD_NEEDS).find(([, need]) => need === problem);
  return entry ? (entry[0] as keyof typeof FIELD_NEEDS) : null;
}

/**
 * What a story still lacks before it may go live; empty when it is ready. `wire`: the wire item it
 * was taken from (its embargo and kill, lib/wire/policy.ts), checked against `goLiveAt` (now, or
 * the time it is scheduled for), the embargo's end named in the newsroom's `timeZone`, where a
 * photo's license also runs to the end of its date (lib/media/license.ts).
 */
export function publishProblems(
  article: Prisma.ArticleGetPayload<{ select: typeof readinessSelect }>,
  now = new Date(),
  wire: { facts: WireFacts; goLiveAt?: Date | null; timeZone: string },
): string[] {
  const problems: string[] = [];
  if (!article.headline.trim()) problems.push(FIELD_NEEDS.headline);
  if (!article.slug.trim()) problems.push(FIELD_NEEDS.slug);
  const body = bodySchema.safeParse(article.body);
  if (!body.success || !bodyHasText(body.data)) problems.push(FIELD_NEEDS.body);
  if (!article.sectionId) problems.push(FIELD_NEEDS.sectionId);
  if (article.authors.length === 0) problems.push(FIELD_NEEDS.authorIds);
  for (const placed of article.images) {
    const which = placed.role === PlacementRole.HERO ? "the hero photo" : "every photo in the body";
    if (!(placed.altText || placed.image.altText).trim()) problems.push(`alt text for ${which}`);
    const credits = [placed.credit, placed.image.credit, placed.agency, placed.image.agency, placed.creditLine, placed.image.creditLine];
    if (!credits.some((c) => c?.trim())) problems.push(`a credit for ${which}`);
    if (licenseExpired(placed.image.licenseExpiresAt, now, wire.timeZone))
      problems.push(`${placed.role === PlacementRole.HERO ? "a hero photo" : "photos"} whose license has not expired`);
  }
  problems.push(...wireProblems(wire.facts, wire.goLiveAt ?? now, wire.timeZone));
  return [...new Set(problems)];
}
