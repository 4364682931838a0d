import { withAuth } from "@/lib/auth/route";
import { createImage } from "@/lib/media/ingest";
import { sweepReplacedFilesLater } from "@/lib/media/cleanup";
import { readUploadedFile, refusingTooLarge } from "@/lib/media/upload";
import { prefillFromMetadata } from "@/lib/media/metadata";

// POST /api/media – upload a photo to the library (any signed-in role; media.upload).
export const POST = withAuth(
  refusingTooLarge(async (request, { viewer }) => {
    const { data, name } = await readUploadedFile(request);
    const image = await createImage(viewer, data, {}, name);
    sweepReplacedFilesLater();
    return Response.json(
      { id: image.id, existing: image.existing, suggested: image.metadata ? prefillFromMetadata(image.metadata) : null },
      { status: image.existing ? 200 : 201 },
    );
  }),
  { permission: "media.upload" },
);
