import { deskApi, readJson, otherMethods } from "@/lib/api/handler";
import { listApiBylines } from "@/lib/api/public-reads";
import { createAuthor } from "@/lib/authors/mutations";
import type { createAuthorSchema } from "@/lib/authors/schema";
import type { z } from "zod";

// GET /api/v1/desk/bylines – every byline with its id, on a published story or not (API key, read).
export const GET = deskApi(async () => ({ body: await listApiBylines("all") }), { write: false, permission: "desk.view" });

// POST /api/v1/desk/bylines – add a byline, as the story editor's "New byline" does (API key, write; author.create).
export const POST = deskApi(
  async (request, { caller }) => {
    const author = await createAuthor(caller.viewer, (await readJson(request)) as z.input<typeof createAuthorSchema>);
    return { body: author, status: 201 };
  },
  { write: true, permission: "author.create" },
);
export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);
