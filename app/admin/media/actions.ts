"use server";

import { z } from "zod";
import { revalidatePath, updateTag } from "next/cache";
import { expireStoriesShowing } from "@/lib/cache/invalidation";
import { authedAction } from "@/lib/auth/action";
import { deleteImage, updateImageMetadata, updateImageSchema } from "@/lib/media/library";
import { cropImage } from "@/lib/media/crop";
import { photoCropSchema } from "@/lib/media/schema";

// Save a photo's credit, caption, alt text, license, date taken and focal point; confirms details read from the file (lib/media/policy.ts decides who).
export const updateImageAction = authedAction(
  updateImageSchema,
  async (input, viewer) => {
    const result = await updateImageMetadata(viewer, input);
    revalidatePath(`/admin/media/${input.id}`);
    await expireStoriesShowing(input.id, updateTag);
    return result;
  },
  { permission: "media.edit" },
);

// Delete a photo no story uses (editors; lib/media/policy.ts).
export const deleteImageAction = authedAction(z.object({ id: z.string().min(1) }), (input, viewer) => deleteImage(viewer, input.id), {
  permission: "media.delete",
});

// Crop a photo and make its variants again; the stories showing it are expired (lib/media/policy.ts decides who).
export const cropImageAction = authedAction(
  photoCropSchema,
  async (input, viewer) => {
    const result = await cropImage(viewer, input);
    revalidatePath(`/admin/media/${input.id}`);
    if (result.changed) await expireStoriesShowing(input.id, updateTag);
    return result;
  },
  { permission: "media.edit" },
);
