import { z } from "zod";

export const searchQuerySchema = z.object({
  q: z.string().max(200).catch("").default(""),
  page: z.coerce.number().int().min(1).max(50).catch(1).default(1),
});
