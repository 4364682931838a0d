"use server";

import { updateTag } from "next/cache";
import { authedAction } from "@/lib/action";
import { updateAuthor, updateAuthorSchema } from "@/lib/authors";
import { expireByline } from "@/lib/public-invalidation";

// Save a byline's name, title and bio (editors); its author page and stories show it at once.
export const updateAuthorAction = authedAction(
  updateAuthorSchema,
  async (input, viewer) => {
    const saved = await updateAuthor(viewer, input);
    await expireByline(saved.id, updateTag);
    return saved;
  },
  { permission: "author.manage" },
);
