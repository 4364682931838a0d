import { withAuth } from "@/lib/auth/route";
import { receiveUploadsZip } from "@/lib/import/jobs";

// POST /api/admin/import/:id/uploads – a zip of wp-content/uploads as the raw body, streamed to disk (import.run: admins).
export const POST = withAuth<{ params: Promise<{ id: string }> }>(
  async (request, { viewer, params }) => {
    await receiveUploadsZip(viewer, (await params).id, request.body);
    return Response.json({ ok: true });
  },
  { permission: "import.run" },
);
