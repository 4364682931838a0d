"use client";

import "@/lib/security/zod-jitless";
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { comparableFields, type CompareNames } from "@/lib/articles/compare";
import type { EditorData, EditorFields } from "@/lib/articles/editor";
import { FieldDiff } from "@/components/admin/field-diff";
import { useAction } from "@/components/forms/use-action";
import { formatDateTime } from "@/lib/format/time";
import { STATUS_LABELS } from "@/lib/articles/workflow";
import { mergeStoryFields } from "@/lib/articles/merge";
import { createArticleAction, loadEditorDataAction } from "../actions";
import { MergeSummary } from "./merge-summary";
import { ThreeWayDiff } from "./three-way-diff";
import { toSaveInput, type Conflict } from "./use-article-draft";

type Theirs = EditorData & { names: CompareNames };

type Props = {
  conflict: Conflict;
  timeZone: string;
  articleId: string;
  mine: EditorFields;
  /** The story's status as the page shows it. */
  status: string;
  /** Saves this editor's text over the other save; `material` for a story that is live now. (When the version this editor started from is not known.) */
  onOverwrite: (theirVersion: number, material: boolean) => void;
  /** Saves the merge of theirs and this editor's (lib/articles/merge.ts) from their version. */
  onKeepMerged: (theirs: Pick<EditorData, "fields" | "version">, merged: EditorFields, material: boolean) => void;
  onDiscard: () => void;
  /** Whether this editor may edit the story as it is now (a writer whose story an editor published may not): if not, keeping theirs over it is not offered. */
  canEdit: boolean;
};

/**
 * Shown when another editor saved first. Nothing is lost: the form still holds this
 * editor's text, the other save is in the revisions, and either can be kept or copied.
 */
export function ConflictPanel({ conflict, timeZone, articleId, mine, status, onOverwrite, onKeepMerged, onDiscard, canEdit }: Props) {
  const router = useRouter();
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  // Whether the editor asked to see the differences (theirs is also read by itself, for the merge).
  const [shown, setShown] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const loading = useAction(loadEditorDataAction, { reads: true });
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
  // One read of theirs at a time; a second asker waits for the one under way.
  const reading = useRef<Promise<Theirs | null> | null>(null);
  const run = loading.run;
  const readTheirs = useCallback(
    (asked: string) => {
      reading.current ??= run({ id: articleId, mine: JSON.parse(asked) as typeof refs })
        .then((result) => {
          if (!result) return null;
          // A refusal stays in loading.error (shown below) until the next read answers.
          if (!result.ok) return null;
          setTheirs(result.data);
          setComparedKey(asked);
          return result.data;
        })
        .finally(() => {
          reading.current = null;
        });
      return reading.current;
    },
    [articleId, run],
  );
  // The version this editor started from: who changed which field is known, and "keep mine"
  // keeps the fields only they changed (the probe's minor fix put their old headline back live).
  const base = conflict.base ?? null;
  // (Theirs is read for this conflict only: a new conflict is a new panel, see its key.)
  const merge = base && theirs ? mergeStoryFields(base, theirs.fields, mine) : null;
  const them = conflict.savedBy === "Someone" ? "someone else" : conflict.savedBy;
  const keepId = "conflict-keep-summary";
  useEffect(() => {
    if (base) void readTheirs(refsKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per conflict, with the refs of the moment
  }, [base, conflict.currentVersion, readTheirs]);
  // The buttons stay focusable while they work (aria-disabled); a press meanwhile sends nothing.
  const compare = async () => {
    if (await readTheirs(refsKey)) setShown(true);
  };
  const keepMine = async (material: boolean) => {
    if (!base) return onOverwrite(conflict.currentVersion, material);
    const now = theirs ?? (await readTheirs(refsKey));
    if (!now) return;
    onKeepMerged(now, mergeStoryFields(base, now.fields, mine).fields, material);
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
    <section className="card conflict" aria-labelledby="conflict-heading">
      {/* Only the news is the alert: the summary below changes as it is worked out and as fields
          are edited, and an alert around it was read out whole again at each change. */}
      <div role="alert">
        <h2 id="conflict-heading">
          {movedTo
            ? `This story was ${STATUS_LABELS[movedTo].toLowerCase()} at ${savedAt}${conflict.savedBy === "Someone" ? "" : ` by ${conflict.savedBy}`} while you were editing`
            : `${conflict.savedBy} saved this story at ${savedAt} while you were editing`}
        </h2>
        <p>
          Your changes were not saved, but they are still in this form.{" "}
          {canEdit ? "Choose what to keep:" : "The story is no longer yours to edit: keep your text as a new draft, or load theirs."}
        </p>
      </div>
      {canEdit ? (
        <MergeSummary
          id={keepId}
          them={them}
          changes={base ? (merge?.changes ?? null) : undefined}
          readFailed={loading.error !== null}
          onReadAgain={() => void readTheirs(refsKey)}
          reading={loading.pending}
        />
      ) : null}
      <div className="workflow-moves">
        <button type="button" className="button secondary" aria-disabled={loading.pending || undefined} onClick={compare}>
          Show the differences
        </button>
        <button type="button" className="button secondary" aria-disabled={copying.pending || undefined} onClick={saveCopy}>
          Save mine as a new draft
        </button>
        {!canEdit ? null : liveNow ? (
          <>
            <button type="button" className="button" aria-describedby={keepId} onClick={() => void keepMine(true)}>
              Keep mine as a material update
            </button>
            <button type="button" className="button secondary" aria-describedby={keepId} onClick={() => void keepMine(false)}>
              Keep mine as a minor fix
            </button>
          </>
        ) : (
          <button type="button" className="button" aria-describedby={keepId} onClick={() => void keepMine(false)}>
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
      {loading.error ? (
        <p role="status" className="field-error">
          {loading.error}
        </p>
      ) : null}
      {note ? (
        <p role="status" className={copying.error ? "field-error" : undefined}>
          {note}
        </p>
      ) : null}
      {!shown || !theirs ? null : comparedKey !== refsKey ? (
        <p className="muted">
          You changed the section, bylines, tags or photo since.{" "}
          <button type="button" className="button secondary small" aria-disabled={loading.pending || undefined} onClick={compare}>
            Show the differences again
          </button>
        </p>
      ) : base && merge ? (
        <ThreeWayDiff
          base={base}
          theirs={theirs.fields}
          mine={mine}
          merged={merge.fields}
          changes={merge.changes}
          names={theirs.names}
          them={them}
        />
      ) : (
        <FieldDiff
          before={comparableFields(theirs.fields, theirs.names)}
          after={comparableFields(mine, theirs.names)}
          beforeLabel={`${conflict.savedBy}'s version`}
          afterLabel="your version"
        />
      )}
    </section>
  );
}
