"use server";

import { updateTag } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { expireEverything } from "@/lib/cache/invalidation";
import { updateSettings } from "@/lib/settings/mutations";
import { updateSettingsSchema } from "@/lib/settings/schema";

// The site's name and time zone show on every public page, feed and sitemap: a save refreshes them all.
export const updateSettingsAction = authedAction(
  updateSettingsSchema,
  async (input, viewer) => {
    const settings = await updateSettings(viewer, input);
    expireEverything(updateTag);
    return settings;
  },
  { permission: "settings.manage" },
);
