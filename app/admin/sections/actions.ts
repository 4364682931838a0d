"use server";

import { updateTag } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { expireSection } from "@/lib/cache/invalidation";
import { createSection, deleteSection, moveSection, updateSection } from "@/lib/sections/mutations";
import { createSectionSchema, deleteSectionSchema, moveSectionSchema, updateSectionSchema } from "@/lib/sections/schema";

// Sections (admins). Every public page shows the sections in its masthead, so each change
// refreshes them all, and a renamed section's stories too.

export const createSectionAction = authedAction(
  createSectionSchema,
  async (input, viewer) => {
    const section = await createSection(viewer, input);
    await expireSection(null, [section.slug], updateTag);
    return section;
  },
  { permission: "section.manage" },
);

export const updateSectionAction = authedAction(
  updateSectionSchema,
  async (input, viewer) => {
    const section = await updateSection(viewer, input);
    await expireSection(section.id, [section.previousSlug, section.slug], updateTag);
    return section;
  },
  { permission: "section.manage" },
);

export const moveSectionAction = authedAction(
  moveSectionSchema,
  async (input, viewer) => {
    const result = await moveSection(viewer, input);
    if (result.moved) await expireSection(null, [], updateTag);
    return result;
  },
  { permission: "section.manage" },
);

export const deleteSectionAction = authedAction(
  deleteSectionSchema,
  async (input, viewer) => {
    const result = await deleteSection(viewer, input);
    await expireSection(null, [result.slug], updateTag);
    return result;
  },
  { permission: "section.manage" },
);
