import { withAuth } from "@/lib/auth/route";
import { receiveExport } from "@/lib/import/jobs";

// POST /api/admin/import?name=export.xml – a WordPress export as the raw request body, streamed to
// disk whatever its size (DATELINE_MAX_IMPORT_MB); answers the new import's id (import.run: admins).
export const POST = withAuth(
  async (request, { viewer }) => {
    const name = new URL(request.url).searchParams.get("name") ?? "export.xml";
    const run = await receiveExport(viewer, request.body, name);
    return Response.json(run, { status: 201 });
  },
  { permission: "import.run" },
);
