import { z } from "zod";

export const createTagSchema = z.object({ name: z.string().trim().min(1, "Name the tag.").max(60, "Tags can be at most 60 characters.") });
