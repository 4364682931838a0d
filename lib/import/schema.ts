import { z } from "zod";

export const cancelImportSchema = z.object({ id: z.string().min(1, "Choose the import to cancel.") });
export type CancelImportInput = z.input<typeof cancelImportSchema>;

/** The statuses of a run still to go on, which an admin may stop: the import screen offers Cancel for these, the cancel changes only these (lib/import/cancel.ts), and a try of its job takes only these to running. */
export const CANCELLABLE_STATUSES = ["queued", "running"];

/** The statuses of a run that has ended: its job does nothing more, and the import screen stops following it. */
export const ENDED_STATUSES = ["done", "failed", "cancelled"];
