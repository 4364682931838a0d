import { z } from "zod";
import { webUrlSchema } from "../security/urls";

/** How many pinned slots the front page has, and the most stories a section block may show. */
export const MAX_PINNED = 8;
export const MAX_SECTION_COUNT = 12;
export const BANNER_MAX_LENGTH = 200;

/** A story in a slot; the headline is kept so the desk can name a story that was deleted since. */
export const slotSchema = z.object({ id: z.string().min(1), headline: z.string().max(500).default("") });
export type Slot = z.infer<typeof slotSchema>;

export const sectionBlockSchema = z.object({
  sectionId: z.string().min(1),
  count: z.coerce
    .number({ error: "Enter how many stories the block shows." })
    .int("Enter a whole number.")
    .min(1, "A block shows at least 1 story.")
    .max(MAX_SECTION_COUNT, `A block shows at most ${MAX_SECTION_COUNT} stories.`),
});

export const bannerSchema = z
  .object({
    text: z.string().trim().max(BANNER_MAX_LENGTH, `Keep the banner under ${BANNER_MAX_LENGTH} characters.`).default(""),
    url: z.union([z.literal(""), webUrlSchema]).default(""),
    expiresAt: z.coerce.date({ error: "Enter a valid date and time." }).nullable().default(null),
  })
  .superRefine((b, ctx) => {
    if (!b.text && (b.url || b.expiresAt)) ctx.addIssue({ code: "custom", path: ["text"], message: "Write the banner's text." });
    if (b.text && !b.expiresAt) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "Choose when the banner comes down." });
  });
export type Banner = z.infer<typeof bannerSchema>;

/**
 * Whether a banner is up at `now`: it has text, and its end is still ahead. Readers see it only
 * then, and the desk offers only such a banner to keep (one that came down was offered again, and
 * every later save of the front page was refused as "already down").
 */
export function bannerIsUp(banner: { text: string; expiresAt: Date | string | null } | null, now = new Date()): boolean {
  return !!banner?.text && !!banner.expiresAt && new Date(banner.expiresAt) > now;
}

/** The front page as editors arrange it: stored as JSON in FrontLayout.arrangement. */
export const arrangementSchema = z
  .object({
    lead: slotSchema.nullable().default(null),
    pinned: z.array(slotSchema).max(MAX_PINNED, `The front page has ${MAX_PINNED} pinned slots.`).default([]),
    sections: z.array(sectionBlockSchema).max(50).default([]),
    banner: bannerSchema.default({ text: "", url: "", expiresAt: null }),
  })
  .superRefine((a, ctx) => {
    const ids = [a.lead?.id, ...a.pinned.map((s) => s.id)].filter(Boolean);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: "custom", path: ["pinned"], message: "A story can take only one slot on the front page." });
    const sections = a.sections.map((s) => s.sectionId);
    if (new Set(sections).size !== sections.length)
      ctx.addIssue({ code: "custom", path: ["sections"], message: "Each section has one block." });
  });
export type Arrangement = z.infer<typeof arrangementSchema>;

export const EMPTY_ARRANGEMENT: Arrangement = { lead: null, pinned: [], sections: [], banner: { text: "", url: "", expiresAt: null } };

/**
 * An arrangement saved from /admin/front: `basedOn` is the live layout the editor started from
 * ("" for none), so a save over another editor's newer one is refused; `goesLiveLocal` (newsroom
 * wall-clock time) schedules it instead of putting it live now; `bannerExpiresLocal` likewise.
 */
export const saveFrontLayoutSchema = z.object({
  arrangement: z.object({
    lead: slotSchema.nullable(),
    pinned: z.array(slotSchema),
    // Checked by arrangementSchema, so its messages land on "sections.<n>.count" as the form names them.
    sections: z.array(z.object({ sectionId: z.string(), count: z.unknown() })),
    banner: z.object({ text: z.string(), url: z.string(), expiresLocal: z.string() }),
  }),
  basedOn: z.string(),
  goesLiveLocal: z.string().default(""),
});
export type SaveFrontLayoutInput = z.input<typeof saveFrontLayoutSchema>;

export const cancelFrontLayoutSchema = z.object({ id: z.string().min(1) });
