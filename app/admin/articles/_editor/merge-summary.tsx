import { andList } from "@/lib/format/text";
import { fieldsChangedBy, type FieldChange, type MergeKey } from "@/lib/articles/merge";
import { STORY_FIELD_LABELS } from "@/lib/articles/compare";

type Props = {
  id: string;
  /** Who changed what since this editor started; null while it is being worked out, undefined when it cannot be known. */
  changes: Record<MergeKey, FieldChange> | null | undefined;
  them: string;
  /** The read of their version failed: said in place of "Working out…", with a way to read it again. */
  readFailed?: boolean;
  onReadAgain?: () => void;
  reading?: boolean;
};

const it = (fields: string[]) => (fields.length === 1 ? "it" : "them");

/**
 * What "keep mine" will do, said before the click (the keep buttons point here with
 * aria-describedby): their changes to fields only they changed stay, and so do their changes to
 * the body's paragraphs, photos and headings when this editor changed others; only a field (or a
 * body block) both changed loses theirs. Without the version this editor started from it cannot
 * tell, and says so.
 */
export function MergeSummary({ id, changes, them, readFailed = false, onReadAgain, reading = false }: Props) {
  if (changes === undefined)
    return (
      <p id={id} className="merge-summary">
        This page cannot tell which fields {them} changed and which you did (it was reloaded, or your changes were restored from this
        browser, since you started). Keeping yours saves every field as this form has it, undoing any change of theirs: show the differences
        to check first.
      </p>
    );
  if (changes === null && readFailed)
    return (
      <p id={id} className="merge-summary field-error">
        Which fields each of you changed is not known: {them}&apos;s version could not be read.{" "}
        {onReadAgain ? (
          <button type="button" className="button secondary small" aria-disabled={reading || undefined} onClick={onReadAgain}>
            Read it again
          </button>
        ) : null}
      </p>
    );
  if (changes === null)
    return (
      <p id={id} className="merge-summary muted">
        Working out which fields each of you changed…
      </p>
    );
  const theirs = fieldsChangedBy(changes, "theirs");
  const mine = fieldsChangedBy(changes, "mine");
  // The body is merged block by block: where both changed it, only the parts both changed lose theirs.
  const bodyClash = changes.body === "both";
  const both = fieldsChangedBy(changes, "both").filter((label) => !bodyClash || label !== STORY_FIELD_LABELS.body);
  const merged = fieldsChangedBy(changes, "merged");
  return (
    <div id={id} className="merge-summary">
      <p>If you keep yours:</p>
      <ul>
        {theirs.length ? (
          <li>
            {andList(theirs)}: {them}&apos;s change stays (only {them} changed {it(theirs)}).
          </li>
        ) : null}
        {mine.length ? (
          <li>
            {andList(mine)}: your change is saved (only you changed {it(mine)}).
          </li>
        ) : null}
        {merged.length ? (
          <li>
            {andList(merged)}: both changes are kept (you and {them} changed different parts of {it(merged)}).
          </li>
        ) : null}
        {bodyClash ? (
          <li className="field-error">
            <strong>
              {STORY_FIELD_LABELS.body}: where you both changed the same part, {them}&apos;s change is overwritten by yours
            </strong>
            ; {them}&apos;s changes elsewhere in it are kept.
          </li>
        ) : null}
        {both.length ? (
          <li className="field-error">
            <strong>
              {andList(both)}: {them}&apos;s change is overwritten by yours
            </strong>{" "}
            (both of you changed {it(both)}).
          </li>
        ) : bodyClash ? null : (
          <li>
            Nothing of {them}&apos;s is overwritten: no {merged.length ? "part" : "field"} was changed by both of you.
          </li>
        )}
      </ul>
    </div>
  );
}
