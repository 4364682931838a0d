import { deskApi, readJson, otherMethods } from "@/lib/api/handler";
import { expireNow } from "@/lib/api/desk-writes";
import { transitionArticle } from "@/lib/articles/mutations/index";
import type { TransitionArticleInput } from "@/lib/articles/workflow";
import { withPublicRefresh } from "@/lib/cache/invalidation";

// POST /api/v1/desk/stories/{id}/transitions – submit, schedule, publish, unpublish or return to draft (API key, write; the workflow table).
export const POST = deskApi(
  async (request, { params, caller }) => {
    const body = (await readJson(request)) as Record<string, unknown>;
    const input = { ...body, id: params.id! } as TransitionArticleInput;
    return { body: await withPublicRefresh(params.id!, () => transitionArticle(caller.viewer, input), expireNow) };
  },
  { write: true },
);
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
