import { deskApi, readJson, otherMethods } from "@/lib/api/handler";
import { expireNow } from "@/lib/api/desk-writes";
import { addCorrection } from "@/lib/articles/mutations/index";
import { type AddCorrectionInput } from "@/lib/articles/schema";
import { withPublicRefresh } from "@/lib/cache/invalidation";

// POST /api/v1/desk/stories/{id}/corrections – add a public correction, clarification, update or editor's note (API key, write; article.correct).
export const POST = deskApi(
  async (request, { params, caller }) => {
    const body = (await readJson(request)) as Record<string, unknown>;
    const input = { ...body, articleId: params.id! } as AddCorrectionInput;
    return { body: await withPublicRefresh(params.id!, () => addCorrection(caller.viewer, input), expireNow), status: 201 };
  },
  { write: true, permission: "article.correct" },
);
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
