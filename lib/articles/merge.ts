import { diffItems } from "../format/text-diff";
import type { BlockNode, BodyDoc } from "./body";
import { STORY_FIELD_LABELS } from "./compare";
import type { EditorFields } from "./editor";
import { normalizeDek } from "./schema";
import { canonicalLanguage } from "../settings/language";

/**
 * Who changed a field between the version an editor started from (the base) and the two versions
 * that now disagree: the one saved meanwhile (theirs) and the editor's own (mine).
 * `same`: both made the same change, so there is nothing to choose. `merged`: both changed the body,
 * in different blocks, and the merge keeps both; `both` is a field (or a body block) both changed
 * differently, where this editor's change overwrites theirs.
 */
export type FieldChange = "none" | "theirs" | "mine" | "both" | "same" | "merged";

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
  // "CY" and "cy" are one language once saved.
  if (key === "language" && typeof value === "string") return JSON.stringify(canonicalLanguage(value) ?? value.trim());
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

/** One side's change to the body: the base's blocks from `start` up to `end` replaced by `blocks`. */
type Hunk = { start: number; end: number; blocks: BlockNode[]; mine: boolean };

const blockKey = (block: BlockNode) => canonical("body", block);

/**
 * One side's changes to the base's blocks, in order. Blocks carry no ids, so they are matched by
 * what they say (a diff of their canonical JSON); the blocks before and after the changes are set
 * aside first, since the diff's table grows with the square of what is left.
 */
function blockHunks(base: string[], side: BlockNode[], mine: boolean): Hunk[] {
  const keys = side.map(blockKey);
  let head = 0;
  while (head < base.length && head < keys.length && base[head] === keys[head]) head++;
  let tail = 0;
  while (tail < base.length - head && tail < keys.length - head && base[base.length - 1 - tail] === keys[keys.length - 1 - tail]) tail++;
  const hunks: Hunk[] = [];
  let open: Hunk | null = null;
  let i = head;
  let j = head;
  for (const line of diffItems(base.slice(head, base.length - tail), keys.slice(head, keys.length - tail))) {
    if (line.kind === "same") {
      open = null;
      i++;
      j++;
      continue;
    }
    if (!open) hunks.push((open = { start: i, end: i, blocks: [], mine }));
    if (line.kind === "removed") open.end = ++i;
    else open.blocks.push(side[j++]!);
  }
  // A run of blocks replaced by as many others is each block edited in place (two neighbouring
  // paragraphs fixed), not one change to the run, which would clash with the other side's edit of either.
  return hunks.flatMap((h) =>
    h.blocks.length === h.end - h.start
      ? h.blocks.map((block, n) => ({ start: h.start + n, end: h.start + n + 1, blocks: [block], mine }))
      : [h],
  );
}

/** The base's blocks a side took out (deleted, or changed into others) and did not put back elsewhere, by key. */
function takenOutBy(keys: string[], hunks: Hunk[]): Set<string> {
  const out = new Set(hunks.flatMap((h) => keys.slice(h.start, h.end)));
  for (const h of hunks) for (const block of h.blocks) out.delete(blockKey(block));
  return out;
}

/**
 * A three-way merge of the body's blocks (diff3): a block only one side changed, inserted or
 * deleted takes that side's change. Changes of both sides overlap when they touch a block in
 * common or insert at one place (in an order nobody chose); there this editor's blocks win, and
 * unless both made the same change that is a clash: a change of theirs the merge overwrote.
 */
function mergeBody(base: BodyDoc, theirs: BodyDoc, mine: BodyDoc): { body: BodyDoc; clash: boolean } {
  const keys = base.content.map(blockKey);
  const mineHunks = blockHunks(keys, mine.content, true);
  // The base's blocks this editor took out (deleted, or changed into others). A copy of one in
  // their change is that block moved, and the move of a block this editor changed cannot be kept:
  // the block stays where this editor has it, without the unchanged copy (a clash: their move is lost).
  const takenOut = takenOutBy(keys, mineHunks);
  let clash = false;
  const theirChanges = blockHunks(keys, theirs.content, false);
  // And the other way round: a block they took out that this editor moved comes back where this
  // editor put it (theirs is the deletion it undoes: a clash, said as one).
  const theyTookOut = takenOutBy(keys, theirChanges);
  if (mineHunks.some((h) => h.blocks.some((block) => theyTookOut.has(blockKey(block))))) clash = true;
  const theirHunks = theirChanges.map((h) => {
    const blocks = h.blocks.filter((block) => !takenOut.has(blockKey(block)));
    if (blocks.length < h.blocks.length) clash = true;
    return { ...h, blocks };
  });
  const hunks = [...theirHunks, ...mineHunks].sort((a, b) => a.start - b.start || a.end - b.end);
  /** Each block of the merge, and whether it is one their change brought in. */
  const content: { block: BlockNode; theirs: boolean }[] = [];
  const fromBase = (from: number, to: number) => base.content.slice(from, to).map((block) => ({ block, theirs: false }));
  let at = 0;
  for (let k = 0; k < hunks.length;) {
    const region = [hunks[k++]!];
    const start = region[0]!.start;
    let end = region[0]!.end;
    // (Hunks come in order of start, so one that ends where an insertion-only region is inserts there too.)
    while (k < hunks.length && (hunks[k]!.start < end || (start === end && hunks[k]!.end === end))) {
      end = Math.max(end, hunks[k]!.end);
      region.push(hunks[k++]!);
    }
    // One side's blocks for the base's blocks the region spans (this editor's, or theirs).
    const version = (ofMine: boolean) => {
      const out: { block: BlockNode; theirs: boolean }[] = [];
      let i = start;
      for (const h of region.filter((h) => h.mine === ofMine)) {
        out.push(...fromBase(i, h.start), ...h.blocks.map((block) => ({ block, theirs: !ofMine })));
        i = h.end;
      }
      return [...out, ...fromBase(i, end)];
    };
    const iChanged = region.some((h) => h.mine);
    const text = (blocks: { block: BlockNode }[]) =>
      canonical(
        "body",
        blocks.map((b) => b.block),
      );
    if (iChanged && region.some((h) => !h.mine) && text(version(false)) !== text(version(true))) clash = true;
    content.push(...fromBase(at, start), ...version(iChanged));
    at = end;
  }
  content.push(...fromBase(at, keys.length));
  // A block both moved, or both added in different places, would now be in the story twice: as
  // often as either side has it, the copies their change brought in going first.
  const most = new Map<string, number>();
  for (const side of [theirs.content, mine.content]) {
    const count = new Map<string, number>();
    for (const block of side) count.set(blockKey(block), (count.get(blockKey(block)) ?? 0) + 1);
    for (const [key, n] of count) most.set(key, Math.max(most.get(key) ?? 0, n));
  }
  const extra = new Map<string, number>();
  for (const { block } of content) extra.set(blockKey(block), (extra.get(blockKey(block)) ?? 0) + 1);
  for (const [key, n] of extra) extra.set(key, n - (most.get(key) ?? 0));
  const drop = new Set<number>();
  for (const pass of [true, false])
    content.forEach(({ block, theirs: ofTheirs }, i) => {
      const key = blockKey(block);
      if (ofTheirs === pass && (extra.get(key) ?? 0) > 0 && !drop.has(i)) {
        drop.add(i);
        extra.set(key, extra.get(key)! - 1);
        clash = true;
      }
    });
  return { body: { ...mine, content: content.filter((_, i) => !drop.has(i)).map((b) => b.block) }, clash };
}

/**
 * A three-way merge, for "keep mine" after a version conflict: a field only they changed keeps
 * their value, a field only this editor changed takes this editor's, and a field both changed
 * (differently) takes this editor's too, overwriting theirs: the one loss, which `changes` names
 * so the desk can say it before the click. A field neither changed keeps theirs. The body is
 * merged block by block (mergeBody): it is a loss only where both changed the same blocks.
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
    let change: FieldChange =
      theyChanged && iChanged
        ? sameField(key, theirs[key], mine[key])
          ? "same"
          : "both"
        : theyChanged
          ? "theirs"
          : iChanged
            ? "mine"
            : "none";
    if (key === "body" && change === "both") {
      const merged = mergeBody(base.body, theirs.body, mine.body);
      fields.body = merged.body;
      if (!merged.clash) change = "merged";
    } else if (change === "mine" || change === "both") (fields as Record<MergeKey, unknown>)[key] = mine[key];
    changes[key] = change;
  }
  return { fields, changes };
}

/** The labels of the fields with a given change, in the editor's order. */
export const fieldsChangedBy = (changes: Record<MergeKey, FieldChange>, change: FieldChange) =>
  MERGE_FIELDS.filter((f) => changes[f.key] === change).map((f) => f.label);
