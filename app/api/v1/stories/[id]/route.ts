import { corsPreflight, publicApi, otherMethods } from "@/lib/api/handler";
import { readStoryById } from "@/lib/api/cached-reads";
import { storyKeys } from "@/lib/api/keys";
import { AppError } from "@/lib/errors";

// GET /api/v1/stories/{id} – one published story with its body (document and HTML), sources and corrections (open).
export const GET = publicApi(async (_request, params) => {
  const story = await readStoryById(params.id ?? "");
  if (!story) throw new AppError("not_found", "No published story has this id.");
  return { body: story, keys: storyKeys(story) };
});
export const OPTIONS = corsPreflight;
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], { open: true });
