import { z } from "zod";

/** Who a byline is: a person, or an organization (a news agency, a desk, "Staff"). schema.org types it so. */
export const AUTHOR_KINDS = ["PERSON", "ORGANIZATION"] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];
export const AUTHOR_KIND_LABELS: Record<AuthorKind, string> = {
  PERSON: "A person",
  ORGANIZATION: "An organization (a news agency, a desk, staff)",
};
/** A stored kind as one of AUTHOR_KINDS (the column is a string; anything else reads as a person). */
export const toAuthorKind = (kind: string): AuthorKind => (kind === "ORGANIZATION" ? "ORGANIZATION" : "PERSON");
const authorKind = z.enum(AUTHOR_KINDS, { error: "Choose a person or an organization." }).default("PERSON");

export const createAuthorSchema = z.object({
  name: z.string().trim().min(1, "Enter the byline's name.").max(120, "Names can be at most 120 characters."),
  title: z.string().trim().max(120).default(""),
  kind: authorKind,
});

export const updateAuthorSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, "Enter the byline's name.").max(120, "Names can be at most 120 characters."),
  title: z.string().trim().max(120, "Titles can be at most 120 characters.").default(""),
  bio: z.string().trim().max(2000, "Keep the bio under 2000 characters.").default(""),
  kind: authorKind,
  /** When the editor loaded the byline: a save over someone else's newer one is refused. */
  updatedAt: z.string().min(1),
});
