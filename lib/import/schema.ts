import { z } from "zod";

export const cancelImportSchema = z.object({ id: z.string().min(1, "Choose the import to cancel.") });
export type CancelImportInput = z.input<typeof cancelImportSchema>;

/** The statuses of a run an admin may still stop: the import screen offers Cancel for these, and the cancel changes only these (lib/import/cancel.ts). */
export const CANCELLABLE_STATUSES = ["queued", "running"];
