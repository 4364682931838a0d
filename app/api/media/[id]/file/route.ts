import { revalidateTag } from "next/cache";
import { withAuth } from "@/lib/auth/route";
import { expireStoriesShowing } from "@/lib/cache/invalidation";
import { replaceImageFile } from "@/lib/media/ingest";
import { sweepReplacedFilesLater } from "@/lib/media/cleanup";
import { readUploadedFile, refusingTooLarge } from "@/lib/media/upload";
import { assertMayChangePhoto, photoUse } from "@/lib/media/policy";

// POST /api/media/:id/file – replace a photo's file, keeping its uses (lib/media/policy.ts decides who).
export const POST = withAuth<{ params: Promise<{ id: string }> }>(
  refusingTooLarge(async (request, { viewer, params }) => {
    const { id } = await params;
    // Refused before the upload is read; replaceImageFile asks again.
    assertMayChangePhoto(viewer, await photoUse(id));
    const { data, name } = await readUploadedFile(request);
    const result = await replaceImageFile(viewer, id, data, name);
    await expireStoriesShowing(id, (tag) => revalidateTag(tag, { expire: 0 }));
    sweepReplacedFilesLater();
    return Response.json(result);
  }),
  { permission: "media.edit" },
);
