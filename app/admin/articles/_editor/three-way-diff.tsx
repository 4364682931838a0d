import { comparableFields, type CompareNames } from "@/lib/articles/compare";
import type { EditorFields } from "@/lib/articles/editor";
import { MERGE_FIELDS, type FieldChange, type MergeKey } from "@/lib/articles/merge";
import { DiffLines } from "@/components/admin/diff-lines";

type Props = {
  base: EditorFields;
  theirs: EditorFields;
  mine: EditorFields;
  /** What keeping this editor's version saves (mergeStoryFields). */
  merged: EditorFields;
  changes: Record<MergeKey, FieldChange>;
  names: CompareNames;
  /** Who saved meanwhile, as the panel names them. */
  them: string;
};

/**
 * The conflict's differences field by field, each said to be changed by them, by this editor or by
 * both, with what keeping this editor's version does to it: only a field (or a body block) both
 * changed loses theirs. A field both changed shows what the save keeps: the merge, which for the body
 * keeps their changes to blocks this editor left alone.
 */
export function ThreeWayDiff({ base, theirs, mine, merged, changes, names, them }: Props) {
  const text = {
    base: comparableFields(base, names),
    theirs: comparableFields(theirs, names),
    mine: comparableFields(mine, names),
    merged: comparableFields(merged, names),
  };
  const changed = MERGE_FIELDS.filter((f) => changes[f.key] !== "none");
  if (changed.length === 0)
    return <p className="muted">No differences in what the two versions say (a move alone, such as a publish, changes none).</p>;
  const sides = {
    theirs: {
      by: `changed by ${them}`,
      says: `Kept as ${them} saved it.`,
      from: "base",
      to: "theirs",
      minus: "before",
      plus: `${them}'s version`,
    },
    mine: { by: "changed by you", says: "Saved as you have it.", from: "base", to: "mine", minus: "before", plus: "your version" },
    both: {
      by: "changed by both of you",
      says: `Keeping yours overwrites ${them}'s change.`,
      from: "theirs",
      to: "merged",
      minus: `${them}'s version, overwritten`,
      plus: "your version",
    },
    merged: {
      by: "changed by both of you, in different places",
      says: "Both changes are kept.",
      from: "base",
      to: "merged",
      minus: "before",
      plus: "both changes",
    },
    same: {
      by: "changed by both of you, the same way",
      says: "Nothing to choose.",
      from: "base",
      to: "mine",
      minus: "before",
      plus: "now",
    },
  } as const;
  const bodyClash = {
    ...sides.both,
    says: `Where you both changed the same part, keeping yours overwrites ${them}'s change; their changes elsewhere in it are kept.`,
    minus: `${them}'s version`,
    plus: "what is saved",
  };
  return (
    <div className="field-diff three-way-diff">
      <p className="muted">
        Each field that changed since you started, who changed it, and what keeping yours does to it.{" "}
        <span className="diff-changed">~ changed words marked inside the paragraph</span>
      </p>
      {changed.map(({ key, label }) => {
        // The body both changed is merged block by block: only the parts both changed lose theirs.
        const side = key === "body" && changes[key] === "both" ? bodyClash : sides[changes[key] as Exclude<FieldChange, "none">];
        const before = text[side.from][label] ?? "";
        const after = text[side.to][label] ?? "";
        return (
          <section key={key} data-change={changes[key]} aria-labelledby={`three-way-${key}`}>
            <h3 id={`three-way-${key}`}>
              {label} <span className={changes[key] === "both" ? "change-by field-error" : "change-by"}>— {side.by}</span>
            </h3>
            <p className={changes[key] === "both" ? "change-says field-error" : "change-says muted"}>
              {side.says} <span className="diff-legend removed">− {side.minus}</span>{" "}
              <span className="diff-legend added">+ {side.plus}</span>
            </p>
            {before === after ? (
              <p className="muted">The change is in what the text does not show (a link&apos;s address, a source&apos;s note or kind).</p>
            ) : (
              <DiffLines before={before} after={after} />
            )}
          </section>
        );
      })}
    </div>
  );
}
