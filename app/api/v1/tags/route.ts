import { corsPreflight, publicApi, otherMethods } from "@/lib/api/handler";
import { readTags } from "@/lib/api/cached-reads";
import { tags } from "@/lib/cache/tags";

// GET /api/v1/tags – the tags of published stories (open).
export const GET = publicApi(async () => ({ body: await readTags(), keys: [tags.front] }));
export const OPTIONS = corsPreflight;
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], { open: true });
