"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { createApiKey, revokeApiKey } from "@/lib/apikeys/mutations";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/apikeys/schema";

const refresh = <T>(value: T) => {
  revalidatePath("/admin/api-keys");
  return value;
};

// Make an API key for a user; its token is shown once (admins).
export const createApiKeyAction = authedAction(createApiKeySchema, async (input, viewer) => refresh(await createApiKey(viewer, input)), {
  permission: "apikey.manage",
});

// Revoke an API key at once (admins).
export const revokeApiKeyAction = authedAction(revokeApiKeySchema, async (input, viewer) => refresh(await revokeApiKey(viewer, input)), {
  permission: "apikey.manage",
});
