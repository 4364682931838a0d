import { deskApi, readJson, otherMethods } from "@/lib/api/handler";
import { addSources } from "@/lib/api/desk-writes";

// POST /api/v1/desk/stories/{id}/sources – add sources after the story's own, with its version (API key, write; the editor's rules).
export const POST = deskApi(
  async (request, { params, caller }) => ({ body: await addSources(caller.viewer, params.id!, await readJson(request)) }),
  {
    write: true,
  },
);
export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);
