import { db } from "../db";
import { AppError, parseOrThrow } from "../errors";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { CANCELLABLE_STATUSES, cancelImportSchema, type CancelImportInput } from "./schema";

/** Why a run cannot be cancelled, by its status. */
const NOT_CANCELLABLE: Record<string, string> = {
  uploading: "That import has not started yet; there is nothing to cancel.",
  cancelling: "That import is already being cancelled; it stops after the item it is on.",
  cancelled: "That import was cancelled already.",
  done: "That import has already finished, so nothing was cancelled. Its report is in the list below.",
  failed: "That import has already stopped (it failed), so there is nothing to cancel.",
};

/**
 * Asks a queued or running import to stop (import.run: admins). The run is marked "cancelling"
 * only if it is still queued or running (a conditional update: of a double click, or a run that
 * just finished, one answer says why nothing changed); the import stops before its next item,
 * keeping what it imported, and ends "cancelled" (lib/import/jobs.ts).
 */
export async function cancelImport(viewer: Viewer, input: CancelImportInput): Promise<{ message: string }> {
  assertPermission(viewer, "import.run", "Only admins can cancel an import.");
  const { id } = parseOrThrow(cancelImportSchema, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.importRun.updateMany({
      where: { id, status: { in: CANCELLABLE_STATUSES } },
      data: { status: "cancelling", cancelledById: viewer.id },
    });
    if (count === 0) {
      const run = await tx.importRun.findUnique({ where: { id }, select: { status: true } });
      if (!run) throw new AppError("not_found", "That import does not exist.");
      throw new AppError("conflict", NOT_CANCELLABLE[run.status] ?? "That import cannot be cancelled now.");
    }
    const run = await tx.importRun.findUniqueOrThrow({ where: { id }, select: { fileName: true } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "import.cancel",
      entityType: "Import",
      entityId: id,
      data: { kind: "wordpress", file: run.fileName },
    });
    return { message: "Cancelling: the import stops after the item it is on. What it has imported stays." };
  });
}
