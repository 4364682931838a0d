import { deskApi, readJson, otherMethods } from "@/lib/api/handler";
import { getDeskStoryOrThrow, saveDeskStory } from "@/lib/api/desk-writes";

// GET /api/v1/desk/stories/{id} – a story as the editor loads it, any status the key's user may see (API key, read).
export const GET = deskApi(async (_request, { params, caller }) => ({ body: await getDeskStoryOrThrow(caller.viewer, params.id!) }), {
  write: false,
  permission: "desk.view",
});

// PUT /api/v1/desk/stories/{id} – save a story's fields with its version (fields left out keep their values); a stale version is 409 with who saved (API key, write; the editor's rules).
export const PUT = deskApi(
  async (request, { params, caller }) => ({ body: await saveDeskStory(caller.viewer, params.id!, await readJson(request)) }),
  {
    write: true,
  },
);
export const { POST, PATCH, DELETE } = otherMethods(["GET", "PUT"]);
