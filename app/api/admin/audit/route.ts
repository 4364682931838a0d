import { withAuth } from "@/lib/auth/route";
import { listRecentAudit } from "@/lib/audit/queries";

// GET /api/admin/audit – the latest audit events (editors and admins).
export const GET = withAuth(
  async (request) => {
    const limit = Math.min(Math.max(Number(new URL(request.url).searchParams.get("limit")) || 50, 1), 200);
    return Response.json({ events: await listRecentAudit(limit) });
  },
  { permission: "audit.view" },
);
