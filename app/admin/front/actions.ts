"use server";

import { updateTag } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { getSiteSettings } from "@/lib/cache/public-data";
import { cancelFrontLayout, saveFrontLayout } from "@/lib/front/mutations";
import { cancelFrontLayoutSchema, saveFrontLayoutSchema } from "@/lib/front/schema";
import { expireFront } from "@/lib/front/jobs";

// Save the front page's arrangement, live now (the front page is purged at once) or scheduled (editors: front.arrange).
export const saveFrontLayoutAction = authedAction(
  saveFrontLayoutSchema,
  async (input, viewer) => {
    const { timeZone } = await getSiteSettings();
    const saved = await saveFrontLayout(viewer, input, timeZone);
    if (!saved.goesLiveAt) expireFront(updateTag);
    return { id: saved.id, scheduled: !!saved.goesLiveAt };
  },
  { permission: "front.arrange" },
);

// Cancel a scheduled arrangement before it goes live (editors: front.arrange).
export const cancelFrontLayoutAction = authedAction(cancelFrontLayoutSchema, (input, viewer) => cancelFrontLayout(viewer, input), {
  permission: "front.arrange",
});
