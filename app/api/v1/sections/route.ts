import { corsPreflight, publicApi, otherMethods } from "@/lib/api/handler";
import { readSections } from "@/lib/api/cached-reads";
import { tags } from "@/lib/cache/tags";

// GET /api/v1/sections – every section, in masthead order (open).
export const GET = publicApi(async () => ({ body: await readSections(), keys: [tags.sections] }));
export const OPTIONS = corsPreflight;
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], { open: true });
