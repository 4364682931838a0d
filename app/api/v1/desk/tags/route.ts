import { deskApi, readJson, otherMethods } from "@/lib/api/handler";
import { listApiTags } from "@/lib/api/public-reads";
import { createTag } from "@/lib/tags/mutations";
import type { createTagSchema } from "@/lib/tags/schema";
import type { z } from "zod";

// GET /api/v1/desk/tags – every tag with its id, on a published story or not (API key, read).
export const GET = deskApi(async () => ({ body: await listApiTags("all") }), { write: false, permission: "desk.view" });

// POST /api/v1/desk/tags – find a tag by name or add it, as the story editor's tag field does (API key, write; tag.create).
export const POST = deskApi(
  async (request, { caller }) => {
    const { created, ...tag } = await createTag(caller.viewer, (await readJson(request)) as z.input<typeof createTagSchema>);
    return { body: tag, status: created ? 201 : 200 };
  },
  { write: true, permission: "tag.create" },
);
export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
