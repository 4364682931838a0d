import type { Tx } from "../db";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: "Article" | "User" | "Image" | "Section" | "Tag" | "Author" | "Setting" | "FrontLayout" | "DraftLink";
  entityId: string;
  data?: Record<string, unknown>;
};

/** Records who did what to which record; call inside the transaction that made the change. */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      data: event.data === undefined ? undefined : JSON.parse(JSON.stringify(event.data)),
    },
  });
}
