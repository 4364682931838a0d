import { z } from "zod";

/** The longest a draft link may live. */
export const MAX_DRAFT_LINK_DAYS = 30;

/** A new link: who it is for (shown in the list and the audit log) and when it stops working (newsroom wall-clock time). */
export const createDraftLinkSchema = z.object({
  articleId: z.string().min(1),
  label: z.string().trim().min(1, "Say who the link is for (e.g. “Legal: J. Moreno”).").max(120, "Keep it under 120 characters."),
  expiresLocal: z.string().trim().min(1, "Choose when the link stops working."),
});
export type CreateDraftLinkInput = z.input<typeof createDraftLinkSchema>;

export const revokeDraftLinkSchema = z.object({ id: z.string().min(1) });

/** A token as it appears in a link: 32 random bytes, base64url. Anything else is refused before the database is asked. */
export const draftTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
