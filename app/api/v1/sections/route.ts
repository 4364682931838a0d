import { corsPreflight, publicApi } from "@/lib/api/handler";
import { readSections } from "@/lib/api/cached-reads";
import { tags } from "@/lib/cache/tags";

// GET /api/v1/sections – every section, in masthead order (open).
export const GET = publicApi(async () => ({ body: await readSections(), keys: [tags.sections] }));
export const OPTIONS = corsPreflight;
