import { corsPreflight, publicApi, otherMethods } from "@/lib/api/handler";
import { readPhoto } from "@/lib/api/cached-reads";
import { tags } from "@/lib/cache/tags";
import { AppError } from "@/lib/errors";

// GET /api/v1/photos/{id} – a photo a published story shows: caption, credit, alt text, license, variant URLs (open).
export const GET = publicApi(async (_request, params) => {
  const found = await readPhoto(params.id ?? "");
  if (!found) throw new AppError("not_found", "No published story shows a photo with this id.");
  return { body: found.photo, keys: found.storySlugs.map(tags.story) };
});
export const OPTIONS = corsPreflight;
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], { open: true });
