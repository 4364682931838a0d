import { withAuth } from "@/lib/auth/route";
import { startImport } from "@/lib/import/jobs";

// POST /api/admin/import/:id/start – runs an uploaded import on the job runner (import.run: admins).
export const POST = withAuth<{ params: Promise<{ id: string }> }>(
  async (_request, { viewer, params }) => {
    await startImport(viewer, (await params).id);
    return Response.json({ ok: true }, { status: 202 });
  },
  { permission: "import.run" },
);
