import { corsPreflight, publicApi, otherMethods } from "@/lib/api/handler";
import { readStoryList, storyListTags } from "@/lib/api/cached-reads";
import { storyListQuerySchema } from "@/lib/api/public-reads";
import { parseOrThrow } from "@/lib/errors";

// GET /api/v1/stories – published stories, newest first, filtered and cursor-paged (open; rate-limited per address on misses).
export const GET = publicApi(async (request) => {
  const query = parseOrThrow(storyListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return { body: await readStoryList(query), keys: storyListTags(query) };
});
export const OPTIONS = corsPreflight;
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], { open: true });
