import { withAuth } from "@/lib/route";
import { replaceImageFile } from "@/lib/media/ingest";
import { readUploadedFile } from "@/lib/media/upload";

// POST /api/media/:id/file – replace a photo's file, keeping its uses (media.edit).
export const POST = withAuth<{ params: Promise<{ id: string }> }>(async (request, { viewer, params }) => {
  const { id } = await params;
  const { data, name } = await readUploadedFile(request);
  return Response.json(await replaceImageFile(viewer.id, id, data, name));
}, { permission: "media.edit" });
