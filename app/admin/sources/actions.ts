"use server";

import { authedAction } from "@/lib/auth/action";
import { checkStorySources, markSourceSeen, refreshSourceCopy } from "@/lib/sources/mutations";
import { checkStorySourcesSchema, markSourceSeenSchema, refreshSourceCopySchema } from "@/lib/sources/schema";

// Refresh one source's archived copy of a story (editors; queued, audited). The capture job refreshes the story's page when it lands.
export const refreshSourceCopyAction = authedAction(refreshSourceCopySchema, (input, viewer) => refreshSourceCopy(viewer, input), {
  permission: "source.refresh",
});

// Check a live story's sources now (editors); a verdict that changes is audited.
export const checkStorySourcesAction = authedAction(
  checkStorySourcesSchema,
  async (input, viewer) => {
    const run = await checkStorySources(viewer, input);
    return { checked: run.checked, changed: run.verdicts.length };
  },
  { permission: "source.refresh" },
);

// Mark a link check's verdict seen on "Sources to look at" or in the story's editor (editors; audited).
export const markSourceSeenAction = authedAction(markSourceSeenSchema, (input, viewer) => markSourceSeen(viewer, input), {
  permission: "source.review",
});
