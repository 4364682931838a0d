import { db } from "../db";

/** The newest audit events with their actors. Callers check audit.view. */
export function listRecentAudit(limit = 50) {
  return db.auditEvent.findMany({
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      data: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
}
