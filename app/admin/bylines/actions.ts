"use server";

import { updateTag } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { updateAuthor } from "@/lib/authors/mutations";
import { updateAuthorSchema } from "@/lib/authors/schema";
import { expireByline } from "@/lib/cache/invalidation";

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
