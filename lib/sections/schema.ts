import { z } from "zod";
import { slugSchema } from "../format/slug";

/**
 * A section lives at /<slug>, beside the site's own top-level addresses: those it may not take.
 * ("news" is where stories without a section live.) lib/sections/schema.test.ts checks that
 * every top-level folder of app/ is here.
 */
export const RESERVED_SECTION_SLUGS = [
  "admin",
  "api",
  "login",
  "logout",
  "search",
  "authors",
  "tags",
  "edition",
  "media",
  "sitemaps",
  "news",
  "static",
  "assets",
  "public",
  "p",
  "photos",
  "archive",
  "draft",
];

const sectionFields = {
  name: z.string().trim().min(1, "Name the section.").max(60, "Section names can be at most 60 characters."),
  slug: slugSchema.refine((slug) => !RESERVED_SECTION_SLUGS.includes(slug), "This address is taken by the site itself; choose another."),
  description: z.string().trim().max(300, "Keep the description under 300 characters.").default(""),
};
export const createSectionSchema = z.object(sectionFields);
export const updateSectionSchema = z.object({ id: z.string().min(1), ...sectionFields });
export const moveSectionSchema = z.object({ id: z.string().min(1), direction: z.enum(["up", "down"]) });
export const deleteSectionSchema = z.object({ id: z.string().min(1) });
