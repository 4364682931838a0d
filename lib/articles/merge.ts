import { STORY_FIELD_LABELS } from "./compare";
import type { EditorFields } from "./editor";
import { normalizeDek } from "./schema";

/**
 * Who changed a field between the version an editor started from (the base) and the two versions
 * that now disagree: the one saved meanwhile (theirs) and the editor's own (mine).
 * `same`: both made the same change, so there is nothing to choose.
 */
export type FieldChange = "none" | "theirs" | "mine" | "both" | "same";

export type MergeKey = keyof EditorFields;

/** The editor's fields, in the order the editor and the diffs show them, with the label the diffs use (compare.ts). */
export const MERGE_FIELDS = Object.entries(STORY_FIELD_LABELS).map(([key, label]) => ({ key: key as MergeKey, label }));

/**
 * A field's value as the save stores it, so that the form's text and the stored text of the same
 * story compare equal: text trimmed, as the schemas store it (the dek as normalizeDek does), a
 * blank and a missing value alike, object keys in one order, and tags as a set (their order means
 * nothing). Text inside the body is compared as typed: the body keeps its spaces (a fix of a
 * missing space before a bold word was a change, and was dropped as none).
 */
function canonical(key: MergeKey, value: unknown): string {
  if (key === "dek" && typeof value === "string") return JSON.stringify(normalizeDek(value));
  if (key === "tagIds" && Array.isArray(value)) return JSON.stringify([...(value as string[])].sort());
  return JSON.stringify(value, (_, v: unknown) => {
    if (v === null || v === undefined) return "";
    if (typeof v === "string") return key === "body" ? v : v.trim();
    if (typeof v === "object" && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/** Whether two values of a field say the same once stored. */
export const sameField = (key: MergeKey, a: unknown, b: unknown) => canonical(key, a) === canonical(key, b);

/**
 * A field-level three-way merge, for "keep mine" after a version conflict: a field only they
 * changed keeps their value, a field only this editor changed takes this editor's, and a field
 * both changed (differently) takes this editor's too, overwriting theirs: the one loss, which
 * `changes` names so the desk can say it before the click. A field neither changed keeps theirs.
 */
export function mergeStoryFields(
  base: EditorFields,
  theirs: EditorFields,
  mine: EditorFields,
): { fields: EditorFields; changes: Record<MergeKey, FieldChange> } {
  const fields = { ...theirs };
  const changes = {} as Record<MergeKey, FieldChange>;
  for (const { key } of MERGE_FIELDS) {
    const theyChanged = !sameField(key, base[key], theirs[key]);
    const iChanged = !sameField(key, base[key], mine[key]);
    const change: FieldChange =
      theyChanged && iChanged
        ? sameField(key, theirs[key], mine[key])
          ? "same"
          : "both"
        : theyChanged
          ? "theirs"
          : iChanged
            ? "mine"
            : "none";
    changes[key] = change;
    if (change === "mine" || change === "both") (fields as Record<MergeKey, unknown>)[key] = mine[key];
  }
  return { fields, changes };
}

/** The labels of the fields with a given change, in the editor's order. */
export const fieldsChangedBy = (changes: Record<MergeKey, FieldChange>, change: FieldChange) =>
  MERGE_FIELDS.filter((f) => changes[f.key] === change).map((f) => f.label);
