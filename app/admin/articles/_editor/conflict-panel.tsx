"use client";

import "@/lib/security/zod-jitless";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { comparableFields, type CompareNames } from "@/lib/articles/compare";
import type { EditorData, EditorFields } from "@/lib/articles/editor";
import { FieldDiff } from "@/components/admin/field-diff";
import { useAction } from "@/components/forms/use-action";
import { formatDateTime } from "@/lib/format/time";
import { STATUS_LABELS } from "@/lib/articles/workflow";
import { createArticleAction, loadEditorDataAction } from "../actions";
import { toSaveInput, type Conflict } from "./use-article-draft";

type Props = {
  conflict: Conflict;
  timeZone: string;
  articleId: string;
  mine: EditorFields;
  /** The story's status as the page shows it. */
  status: string;
  /** Saves this editor's text over the other save; `material` for a story that is live now. */
  onOverwrite: (theirVersion: number, material: boolean) => void;
  onDiscard: () => void;
  /** Whether this editor may edit the story as it is now (a writer whose story an editor published may not): if not, keeping theirs over it is not offered. */
  canEdit: boolean;
};

/**
 * Shown when another editor saved first. Nothing is lost: the form still holds this
 * editor's text, the other save is in the revisions, and either can be kept or copied.
 */
export function ConflictPanel({ conflict, timeZone, articleId, mine, status, onOverwrite, onDiscard, canEdit }: Props) {
  const router = useRouter();
  const [theirs, setTheirs] = useState<(EditorData & { names: CompareNames }) | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const loading = useAction(loadEditorDataAction);
  const copying = useAction(createArticleAction, { measure: true });
  const savedAt = formatDateTime(new Date(conflict.savedAt), timeZone);
  // The story moved meanwhile (the scheduler published it, another editor unpublished it): the
  // page shows its status, moves and save buttons as they are now, and a save onto a story that is
  // live now asks whether readers should see it as an update.
  // (The status the page had when the save was refused: the refresh below brings the new one.)
  const [statusBefore] = useState(status);
  const movedTo = conflict.storyStatus && conflict.storyStatus !== statusBefore ? conflict.storyStatus : null;
  const liveNow = (conflict.storyStatus ?? statusBefore) === "PUBLISHED";
  useEffect(() => {
    if (movedTo) router.refresh();
  }, [movedTo, router]);

  // What this editor's version refers to; the diff's names are for the refs it was made with.
  const refs = {
    sectionId: mine.sectionId,
    authorIds: mine.authorIds,
    tagIds: mine.tagIds,
    hero: mine.hero && { imageId: mine.hero.imageId },
  };
  const refsKey = JSON.stringify(refs);
  const [comparedKey, setComparedKey] = useState<string | null>(null);
  // The buttons stay focusable while they work (aria-disabled); a press meanwhile sends nothing (useAction).
  const compare = async () => {
    const asked = refsKey;
    const result = await loading.run({ id: articleId, mine: refs });
    if (!result) return;
    if (result.ok) {
      setTheirs(result.data);
      setComparedKey(asked);
    } else setNote(result.error);
  };
  const saveCopy = async () => {
    const suffix = Math.random().toString(36).slice(2, 6);
    const result = await copying.run({ ...toSaveInput(mine), slug: `${mine.slug}-copy-${suffix}`.slice(0, 120) });
    if (!result) return;
    if (result.ok) {
      window.open(`/admin/articles/${result.data.id}`, "_blank", "noopener");
      setNote("Your version was saved as a new draft and opened in a new tab.");
    } else setNote(result.error);
  };

  return (
    <section className="card conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">
        {movedTo
          ? `This story was ${STATUS_LABELS[movedTo].toLowerCase()} at ${savedAt}${conflict.savedBy === "Someone" ? "" : ` by ${conflict.savedBy}`} while you were editing`
          : `${conflict.savedBy} saved this story at ${savedAt} while you were editing`}
      </h2>
      <p>
        Your changes were not saved, but they are still in this form.{" "}
        {canEdit ? "Choose what to keep:" : "The story is no longer yours to edit: keep your text as a new draft, or load theirs."}
      </p>
      <div className="workflow-moves">
        <button type="button" className="button secondary" aria-disabled={loading.pending || undefined} onClick={compare}>
          Show the differences
        </button>
        <button type="button" className="button secondary" aria-disabled={copying.pending || undefined} onClick={saveCopy}>
          Save mine as a new draft
        </button>
        {!canEdit ? null : liveNow ? (
          <>
            <button type="button" className="button" onClick={() => onOverwrite(conflict.currentVersion, true)}>
              Keep mine as a material update
            </button>
            <button type="button" className="button secondary" onClick={() => onOverwrite(conflict.currentVersion, false)}>
              Keep mine as a minor fix
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => onOverwrite(conflict.currentVersion, false)}>
            Keep mine (their save stays in the revisions)
          </button>
        )}
        <button
          type="button"
          className="button danger"
          onClick={() => window.confirm("Discard your changes and load their version?") && onDiscard()}
        >
          Discard mine, load theirs
        </button>
      </div>
      {note ? (
        <p role="status" className={copying.error || loading.error ? "field-error" : undefined}>
          {note}
        </p>
      ) : null}
      {theirs && comparedKey !== refsKey ? (
        <p className="muted">
          You changed the section, bylines, tags or photo since.{" "}
          <button type="button" className="button secondary small" aria-disabled={loading.pending || undefined} onClick={compare}>
            Show the differences again
          </button>
        </p>
      ) : theirs ? (
        <FieldDiff
          before={comparableFields(theirs.fields, theirs.names)}
          after={comparableFields(mine, theirs.names)}
          beforeLabel={`${conflict.savedBy}'s version`}
          afterLabel="your version"
        />
      ) : null}
    </section>
  );
}
