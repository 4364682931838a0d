"use client";

import "@/lib/security/zod-jitless";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "@/components/forms/use-action";
import type { ArticleStatus } from "@/lib/db";
import { clearLocalDraft } from "./local-draft";
import { transitionArticleAction } from "../actions";
import { PublishDialog, type GoLive } from "./publish-dialog";
import { expectMove } from "./workflow-panel";
import type { useArticleDraft } from "./use-article-draft";

type Props = {
  draft: ReturnType<typeof useArticleDraft>;
  /** The story's status as shown (none for a new story, which is saved as a draft first). */
  status: ArticleStatus | null;
  problems: string[];
  /** Held by a wire embargo that scheduling for its end would cure: ready to schedule, not to publish. */
  embargoed: boolean;
  canPublishNow: boolean;
  canSchedule: boolean;
  sectionName: string;
  address: string;
  suggestion: string;
};

/**
 * "Publish…" on the editor's bar, for a story that is not live: disabled, with the list of what
 * blocks it, until nothing does. It saves what is typed (creating a new story first), then
 * publishes or schedules it after the confirmation: one screen, from "New story" to live.
 */
export function PublishControls({
  draft,
  status,
  problems,
  embargoed,
  canPublishNow,
  canSchedule,
  sectionName,
  address,
  suggestion,
}: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const transition = useAction(transitionArticleAction);
  const [busy, setBusy] = useState(false);
  const blocked = problems.length > 0;
  const button = useRef<HTMLButtonElement>(null);
  // After the dialog has closed (and handed focus back to "Publish…"), the keyboard goes to the
  // first field the refusal marked.
  const toField = useRef(false);
  useEffect(() => {
    if (!toField.current || open) return;
    toField.current = false;
    document.querySelector<HTMLElement>('main [aria-invalid="true"]')?.focus();
  }, [open]);

  // Alt+Shift+P opens the confirmation from anywhere in the editor; while something blocks
  // publishing it goes to the button, whose description lists what.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.altKey && event.shiftKey && event.code === "KeyP") || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      if (button.current?.getAttribute("aria-disabled") === "true") button.current.focus();
      else if (!button.current?.disabled) setOpen(true);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [blocked]);

  const confirm = async (when: GoLive) => {
    setBusy(true);
    setSaveError(null);
    transition.reset();
    try {
      let target = draft.id ? { id: draft.id, version: draft.version } : null;
      if (!target || draft.dirty) {
        const saved = await draft.save({ open: false });
        if (saved && !saved.ok && saved.fieldErrors) {
          // Refused for what a field holds (a slug another story took meanwhile): the message is at
          // the field, which the dialog covered. Close it and take the keyboard there.
          toField.current = true;
          setOpen(false);
          return;
        }
        if (!saved?.ok) {
          setSaveError(`Not published: ${saved ? saved.error : "a save is still under way; try again in a moment."}`);
          return;
        }
        target = saved.data;
      }
      const result = await transition.run({
        id: target.id,
        version: target.version,
        to: when.mode === "now" ? "PUBLISHED" : "SCHEDULED",
        reason: "",
        scheduledLocal: when.mode === "at" ? when.local : undefined,
      });
      if (!result?.ok) return;
      // The form stays mounted when the story was already open: later moves start from this version.
      draft.setVersion(result.data.version);
      clearLocalDraft(target.id);
      expectMove(target.id, status ?? "DRAFT", when.mode === "now" ? "PUBLISHED" : "SCHEDULED");
      setOpen(false);
      router.replace(`/admin/articles/${target.id}`);
      router.refresh();
    } finally {
      setBusy(false);
    }
  };

  if (!canPublishNow && !canSchedule) return null;
  // While the embargo lasts the story can only be scheduled (for its end or later): "now" is not offered.
  const nowAllowed = canPublishNow && !embargoed;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button"
        title="Alt+Shift+P"
        aria-keyshortcuts="Alt+Shift+P"
        // aria-disabled, not disabled: it stays focusable, so a keyboard user reaches it and hears what blocks it.
        aria-disabled={blocked}
        disabled={busy}
        aria-describedby="publish-blockers"
        onClick={() => !blocked && setOpen(true)}
      >
        {nowAllowed ? "Publish…" : "Schedule…"}
      </button>
      {/* Not a live region: it changes with every field typed; "Publish…" is described by it when reached. */}
      <p id="publish-blockers" className={blocked ? "publish-blockers" : "visually-hidden"}>
        {blocked
          ? `Before it can go live this story needs: ${problems.join(", ")}.`
          : embargoed
            ? "Ready to schedule for the end of the embargo or later."
            : "Ready to publish."}
      </p>
      {open ? (
        <PublishDialog
          headline={draft.fields.headline}
          address={address}
          sectionName={sectionName}
          timeZone={draft.timeZone}
          canPublishNow={nowAllowed}
          canSchedule={canSchedule}
          suggestion={suggestion}
          pending={busy}
          error={saveError ?? transition.error}
          onConfirm={confirm}
          onClose={() => {
            setOpen(false);
            transition.reset();
            setSaveError(null);
          }}
        />
      ) : null}
    </>
  );
}
