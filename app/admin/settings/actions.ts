"use server";

import { updateTag } from "next/cache";
import { authedAction } from "@/lib/action";
import { expireEverything } from "@/lib/public-invalidation";
import { updateSettings, updateSettingsSchema } from "@/lib/settings";

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
