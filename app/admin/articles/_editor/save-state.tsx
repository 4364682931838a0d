"use client";

import "@/lib/security/zod-jitless";
import { formatTime } from "@/lib/format/time";
import type { useArticleDraft } from "./use-article-draft";

/**
 * Where the story stands: saving, not saved (and that the desk is trying again by itself),
 * unsaved changes, or saved at 21:42 (24-hour, the newsroom's zone). A blank new story says
 * that nothing is saved yet, never "All changes saved".
 */
export function SaveState({ draft }: { draft: ReturnType<typeof useArticleDraft> }) {
  const at = draft.savedAt ? formatTime(draft.savedAt, draft.timeZone) : null;
  // A save refused for a reason shown above the form (a conflict, the story gone, a message): the
  // bar, which may be far from there (at the foot of a phone's screen), says so and goes there.
  // A refusal for what a field holds is at the field, where the keyboard was taken.
  // While the desk tries again by itself, the line says so, and there is nothing to go and see.
  const problem =
    !draft.saving && !draft.retryAt && (draft.conflict || draft.gone || (draft.message?.kind === "error" && !draft.fieldErrors));
  let text: string;
  if (draft.saving) text = "Saving…";
  else if (draft.retryAt) text = "Not saved yet: trying again by itself";
  else if (problem) text = "Not saved";
  else if (draft.isNew) text = draft.dirty ? "New story: not saved yet" : "New story: nothing to save yet";
  else if (draft.dirty) text = "Unsaved changes";
  else text = at ? `All changes saved · ${draft.message?.kind === "success" ? draft.message.text : "Saved"} at ${at}` : "All changes saved";
  // Said to a screen reader: only what an editor waits to hear, in words of its own (the visible
  // line is not a live region): a save they asked for went through, or the desk keeps trying;
  // not every keystroke's "Unsaved changes", nor an autosave's or a retry's progress. The retry's
  // time stays set through the retry's own save (it is cleared when the answer comes), so the line
  // stays the same through the retries and is said once.
  const said = draft.retryAt
    ? "Not saved yet. The desk is trying again by itself."
    : draft.saving
      ? ""
      : !draft.dirty && at && draft.message?.kind === "success" && !draft.message.auto
        ? `Saved at ${at}.`
        : "";
  return (
    <>
      <span className="save-state" data-testid="save-state">
        {text}
      </span>
      {/* Its own control beside the line, not inside it: the line is cut short on a phone, which
          would cut the button's focus ring, and a tap needs a target of its own size. */}
      {problem ? (
        <button type="button" className="link-button see-why" onClick={showProblem}>
          See why
        </button>
      ) : null}
      <span className="visually-hidden" aria-live="polite" data-testid="save-state-said">
        {said}
      </span>
    </>
  );
}

/** The id of what says why the last save failed (article-form.tsx), which "See why" scrolls to and focuses. */
export const EDITOR_PROBLEM_ID = "editor-problem";

function showProblem() {
  const where = document.getElementById(EDITOR_PROBLEM_ID);
  // To the top of the screen (below a sticky bar: the page's scroll padding), where the reason starts.
  where?.scrollIntoView({ block: "start" });
  where?.focus({ preventScroll: true });
}
