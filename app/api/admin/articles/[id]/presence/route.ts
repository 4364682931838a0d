import { withAuth } from "@/lib/auth/route";
import { parseOrThrow } from "@/lib/errors";
import { heartbeat, leave, presenceParamsSchema } from "@/lib/presence/presence";

type Context = { params: Promise<{ id: string }> };

// POST /api/admin/articles/:id/presence – "I have this story open"; answers who else has, and where
// the story is now (its status, version and last save), to anyone who can see the story.
export const POST = withAuth<Context>(
  async (_request, { params, viewer }) => {
    const { id } = parseOrThrow(presenceParamsSchema, await params);
    return Response.json(await heartbeat(viewer, id), { headers: { "cache-control": "private, no-store" } });
  },
  { permission: "desk.view" },
);

// DELETE /api/admin/articles/:id/presence – "I closed this story" (anyone who can see the story).
export const DELETE = withAuth<Context>(
  async (_request, { params, viewer }) => {
    const { id } = parseOrThrow(presenceParamsSchema, await params);
    await leave(viewer, id);
    return new Response(null, { status: 204 });
  },
  { permission: "desk.view" },
);
