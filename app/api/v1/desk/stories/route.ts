import { deskApi, readJson, otherMethods } from "@/lib/api/handler";
import { listDeskStories } from "@/lib/api/desk-reads";
import { deskStoryListQuerySchema } from "@/lib/api/desk-schemas";
import { expireNow } from "@/lib/api/desk-writes";
import { createArticle } from "@/lib/articles/mutations/index";
import type { CreateArticleInput } from "@/lib/articles/schema";
import { parseOrThrow } from "@/lib/errors";
import { withPublicRefresh } from "@/lib/cache/invalidation";

// GET /api/v1/desk/stories – the stories the key's user sees on the desk, drafts included (API key, read).
export const GET = deskApi(
  async (request, { caller }) => {
    const query = parseOrThrow(deskStoryListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    return { body: await listDeskStories(caller.viewer, query) };
  },
  { write: false, permission: "desk.view" },
);

// POST /api/v1/desk/stories – create a draft story as the key's user (API key, write; article.create).
export const POST = deskApi(
  async (request, { caller }) => {
    const input = (await readJson(request)) as CreateArticleInput;
    const saved = await withPublicRefresh(null, () => createArticle(caller.viewer, input), expireNow);
    return { body: saved, status: 201 };
  },
  { write: true, permission: "article.create" },
);
export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
