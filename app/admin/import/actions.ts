"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { cancelImport } from "@/lib/import/cancel";
import { cancelImportSchema } from "@/lib/import/schema";

// Ask a queued or running import to stop; what it imported stays (admins: import.run).
export const cancelImportAction = authedAction(
  cancelImportSchema,
  async (input, viewer) => {
    const result = await cancelImport(viewer, input);
    revalidatePath("/admin/import");
    return result;
  },
  { permission: "import.run" },
);
