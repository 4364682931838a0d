import { z } from "zod";

export const createAuthorSchema = z.object({
  name: z.string().trim().min(1, "Enter the byline's name.").max(120, "Names can be at most 120 characters."),
  title: z.string().trim().max(120).default(""),
});

export const updateAuthorSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, "Enter the byline's name.").max(120, "Names can be at most 120 characters."),
  title: z.string().trim().max(120, "Titles can be at most 120 characters.").default(""),
  bio: z.string().trim().max(2000, "Keep the bio under 2000 characters.").default(""),
  /** When the editor loaded the byline: a save over someone else's newer one is refused. */
  updatedAt: z.string().min(1),
});
