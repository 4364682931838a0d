import { withAuth } from "@/lib/auth/route";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { ENDED_STATUSES } from "@/lib/import/schema";

// GET /api/admin/import/:id – an import's status, progress and report (import.run: admins).
export const GET = withAuth<{ params: Promise<{ id: string }> }>(
  async (_request, { params }) => {
    const run = await db.importRun.findUnique({ where: { id: (await params).id } });
    if (!run) throw new AppError("not_found", "That import does not exist.");
    return Response.json(
      {
        id: run.id,
        fileName: run.fileName,
        status: run.status,
        processed: run.processed,
        error: run.error,
        // Once it has ended: the report so far of a running import is the admin list's to show.
        report: run.report && ENDED_STATUSES.includes(run.status) ? JSON.parse(run.report) : null,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
  { permission: "import.run" },
);
