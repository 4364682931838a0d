"use server";

import { authedAction } from "@/lib/auth/action";
import { readSiteSettings } from "@/lib/settings/queries";
import { createDraftLink, revokeDraftLink } from "@/lib/draft-links/mutations";
import { createDraftLinkSchema, revokeDraftLinkSchema } from "@/lib/draft-links/schema";

// Create an expiring link to a story's preview for someone without an account (editors: draftLink.manage).
export const createDraftLinkAction = authedAction(
  createDraftLinkSchema,
  async (input, viewer) => createDraftLink(viewer, input, (await readSiteSettings()).timeZone),
  { permission: "draftLink.manage" },
);

// Revoke a draft link at once (editors: draftLink.manage).
export const revokeDraftLinkAction = authedAction(revokeDraftLinkSchema, (input, viewer) => revokeDraftLink(viewer, input), {
  permission: "draftLink.manage",
});
