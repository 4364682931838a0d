export type DiffLine = { kind: "same" | "added" | "removed"; text: string };

/** A line diff (longest common subsequence); enough for headlines, deks, bodies and source lists. */
export function diffLines(before: string, after: string): DiffLine[] {
  // An empty field has no lines (not one empty line, which would show as an empty "−" or "+").
  return diffItems(before === "" ? [] : before.split("\n"), after === "" ? [] : after.split("\n"));
}

/** The diff of two lists of lines, or of any items written as strings that are equal when the items are (a body's blocks). */
export function diffItems(a: string[], b: string[]): DiffLine[] {
  // Bodies are at most a few thousand lines; cap the table so a hostile input cannot exhaust memory.
  if (a.length * b.length > 4_000_000) {
    return [...a.map((text) => ({ kind: "removed" as const, text })), ...b.map((text) => ({ kind: "added" as const, text }))];
  }
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: "removed", text: a[i++]! });
    else out.push({ kind: "added", text: b[j++]! });
  }
  while (i < a.length) out.push({ kind: "removed", text: a[i++]! });
  while (j < b.length) out.push({ kind: "added", text: b[j++]! });
  return out;
}

export type WordPart = { kind: "same" | "added" | "removed"; text: string };
/** A line of a paragraph diff: unchanged, added, removed, or changed in place (with its words marked). */
export type ParagraphLine = DiffLine | { kind: "changed"; text: string; parts: WordPart[] };

/** Words, runs of spaces and single punctuation marks: a one-letter fix marks one word. */
const tokens = (text: string) => text.match(/\s+|[\p{L}\p{N}\p{M}'’_-]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];

/** A word diff of two versions of one paragraph, with neighbouring parts of the same kind joined. */
export function diffWords(before: string, after: string): WordPart[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > 1_000_000) {
    return [
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ].filter((p) => p.text) as WordPart[];
  }
  const lcs: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: WordPart[] = [];
  const push = (kind: WordPart["kind"], text: string) => {
    const last = out[out.length - 1];
    if (last?.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push("same", a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push("removed", a[i++]!);
    else push("added", b[j++]!);
  }
  while (i < a.length) push("removed", a[i++]!);
  while (j < b.length) push("added", b[j++]!);
  return out;
}

/** How much of two paragraphs is the same, from 0 to 1 (by characters of the words they share). */
function similarity(parts: WordPart[]): number {
  const same = parts.filter((p) => p.kind === "same").reduce((n, p) => n + p.text.length, 0);
  const total = parts.reduce((n, p) => n + p.text.length, 0);
  return total ? (2 * same) / (total + same) : 1;
}

/**
 * A paragraph diff: lines (paragraphs) are matched as in diffLines, and a removed paragraph
 * followed by an added one that is mostly the same is shown as one changed paragraph with the
 * changed words marked inside it.
 */
export function diffParagraphs(before: string, after: string): ParagraphLine[] {
  const lines = diffLines(before, after);
  const out: ParagraphLine[] = [];
  for (let k = 0; k < lines.length;) {
    if (lines[k]!.kind !== "removed") {
      out.push(lines[k++]!);
      continue;
    }
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    while (k < lines.length && lines[k]!.kind === "removed") removed.push(lines[k++]!);
    while (k < lines.length && lines[k]!.kind === "added") added.push(lines[k++]!);
    const pairs = Math.min(removed.length, added.length);
    for (let p = 0; p < pairs; p++) {
      const parts = diffWords(removed[p]!.text, added[p]!.text);
      if (similarity(parts) >= 0.5) out.push({ kind: "changed", text: added[p]!.text, parts });
      else out.push(removed[p]!, added[p]!);
    }
    out.push(...removed.slice(pairs), ...added.slice(pairs));
  }
  return out;
}
