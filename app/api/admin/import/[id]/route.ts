import { withAuth } from "@/lib/auth/route";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";

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
        report: run.report ? JSON.parse(run.report) : null,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
  { permission: "import.run" },
);
