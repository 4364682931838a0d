import { corsPreflight, publicApi } from "@/lib/api/handler";
import { readBylines } from "@/lib/api/cached-reads";
import { tags } from "@/lib/cache/tags";

// GET /api/v1/bylines – the bylines of published stories (open).
export const GET = publicApi(async () => ({ body: await readBylines(), keys: [tags.front] }));
export const OPTIONS = corsPreflight;
