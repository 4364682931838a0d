"use server";

import { updateTag } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { expireEverything } from "@/lib/cache/invalidation";
import { updateSettings } from "@/lib/settings/mutations";
import { updateSettingsSchema } from "@/lib/settings/schema";
import { updateArchiveOptOut } from "@/lib/sources/mutations";
import { archiveOptOutSchema } from "@/lib/sources/schema";

// The site's name, time zone and language show on every public page, feed and sitemap: a save refreshes them all.
export const updateSettingsAction = authedAction(
  updateSettingsSchema,
  async (input, viewer) => {
    const settings = await updateSettings(viewer, input);
    expireEverything(updateTag);
    return settings;
  },
  { permission: "settings.manage" },
);

// Issue 19: the hosts Dateline never archives (admins; audited). Nothing readers see changes until the next capture.
export const updateArchiveOptOutAction = authedAction(
  archiveOptOutSchema,
  // The domain function parses again (lib/sources/mutations.ts): it gets the list as the form sent it.
  (input, viewer) => updateArchiveOptOut(viewer, { hosts: input.hosts.join("\n"), version: input.version }),
  {
    permission: "settings.manage",
  },
);
