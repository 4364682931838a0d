import { corsPreflight, publicApi, otherMethods } from "@/lib/api/handler";
import { readStoryByPath } from "@/lib/api/cached-reads";
import { siteAddress } from "@/lib/api/public-reads";
import { storyKeys } from "@/lib/api/keys";
import { AppError, parseOrThrow } from "@/lib/errors";
import { z } from "zod";

const querySchema = z.object({ path: z.string().trim().min(2, "Give the story's address, such as /world/a-story.").max(500) });

// GET /api/v1/stories/by-address?path=/section/slug – one published story by its address, an old one included (open).
export const GET = publicApi(async (request) => {
  const { path } = parseOrThrow(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  // One cache entry per address, however it was written (a whole URL, a campaign's query string).
  const address = siteAddress(path);
  const story = address ? await readStoryByPath(address) : null;
  if (!story) throw new AppError("not_found", "No published story lives at this address.");
  return { body: story, keys: storyKeys(story) };
});
export const OPTIONS = corsPreflight;
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], { open: true });
