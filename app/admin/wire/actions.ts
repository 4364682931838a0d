"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { takeWireItem } from "@/lib/wire/take";
import { addWireFeed, removeWireFeed } from "@/lib/wire/feeds";
import { takeWireItemSchema, wireFeedIdSchema, wireFeedSchema } from "@/lib/wire/schema";

// Take a wire item into a new draft story with its photos, credits and source link (editors).
export const takeWireItemAction = authedAction(
  takeWireItemSchema,
  async (input, viewer) => {
    const taken = await takeWireItem(viewer, input);
    revalidatePath(`/admin/wire/${input.id}`);
    return taken;
  },
  { permission: "wire.take" },
);

// Add a feed for the wire desk to poll (admins).
export const addWireFeedAction = authedAction(
  wireFeedSchema,
  async (input, viewer) => {
    const feed = await addWireFeed(viewer, input);
    revalidatePath("/admin/wire/feeds");
    return feed;
  },
  { permission: "wire.manage" },
);

// Stop polling a feed (admins).
export const removeWireFeedAction = authedAction(
  wireFeedIdSchema,
  async (input, viewer) => {
    const removed = await removeWireFeed(viewer, input);
    revalidatePath("/admin/wire/feeds");
    return removed;
  },
  { permission: "wire.manage" },
);
