import { revalidateTag } from "next/cache";
import { withAuth } from "@/lib/route";
import { expireStoriesShowing } from "@/lib/public-invalidation";
import { replaceImageFile } from "@/lib/media/ingest";
import { readUploadedFile } from "@/lib/media/upload";

// POST /api/media/:id/file – replace a photo's file, keeping its uses (media.edit).
export const POST = withAuth<{ params: Promise<{ id: string }> }>(async (request, { viewer, params }) => {
  const { id } = await params;
  const { data, name } = await readUploadedFile(request);
  const result = await replaceImageFile(viewer.id, id, data, name);
  await expireStoriesShowing(id, (tag) => revalidateTag(tag, { expire: 0 }));
  return Response.json(result);
}, { permission: "media.edit" });
