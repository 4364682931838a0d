import { z } from "zod";
import { ApiKeyScope } from "../generated/prisma/enums";

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  READ: "Read: the desk's stories its user can see, drafts included",
  READ_WRITE: "Read and write: also create, edit, move and correct stories and upload photos",
  WIRE: "Wire desk: push wire items (POST /api/v1/wire/items), and read and write like Read and write",
};

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key after the program that will use it.").max(100, "Names can be at most 100 characters."),
  userId: z.string({ error: "Choose the user the key acts as." }).min(1, "Choose the user the key acts as."),
  scope: z.enum(ApiKeyScope, { error: "Choose what the key may do." }),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.string().min(1) });
