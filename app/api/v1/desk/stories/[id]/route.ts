import { deskApi, readJson } from "@/lib/api/handler";
import { expireNow, getDeskStoryOrThrow } from "@/lib/api/desk-writes";
import { updateArticle } from "@/lib/articles/mutations/index";
import type { UpdateArticleInput } from "@/lib/articles/schema";
import { withPublicRefresh } from "@/lib/cache/invalidation";

// GET /api/v1/desk/stories/{id} – a story as the editor loads it, any status the key's user may see (API key, read).
export const GET = deskApi(async (_request, { params, caller }) => ({ body: await getDeskStoryOrThrow(caller.viewer, params.id!) }), {
  write: false,
  permission: "desk.view",
});

// PUT /api/v1/desk/stories/{id} – save a story's fields with its version; a stale version is 409 with who saved (API key, write; the editor's rules).
export const PUT = deskApi(
  async (request, { params, caller }) => {
    const body = (await readJson(request)) as Record<string, unknown>;
    const input = { ...body, id: params.id!, autosave: false } as UpdateArticleInput;
    return { body: await withPublicRefresh(params.id!, () => updateArticle(caller.viewer, input), expireNow) };
  },
  { write: true },
);
