import { corsPreflight, publicApi, otherMethods } from "@/lib/api/handler";
import { readBylines } from "@/lib/api/cached-reads";
import { tags } from "@/lib/cache/tags";

// GET /api/v1/bylines – the bylines of published stories (open).
export const GET = publicApi(async () => ({ body: await readBylines(), keys: [tags.front] }));
export const OPTIONS = corsPreflight;
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], { open: true });
