import type { EditorFields } from "@/lib/articles/editor";

// Unsaved edits are mirrored to this browser's storage on every change, so a crash, a
// closed tab or a reload never loses them; they are offered back when the story opens.

type Stored = { fields: EditorFields; version: number; at: string };

const key = (id: string) => `dateline:draft:${id}`;

export function writeLocalDraft(id: string, fields: EditorFields, version: number) {
  try {
    localStorage.setItem(key(id), JSON.stringify({ fields, version, at: new Date().toISOString() } satisfies Stored));
  } catch {
    // Storage full or disabled: the server copy and autosave still hold the work.
  }
}

export function readLocalDraft(id: string): Stored | null {
  try {
    const raw = localStorage.getItem(key(id));
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

export function clearLocalDraft(id: string) {
  try {
    localStorage.removeItem(key(id));
  } catch {
    // Nothing to clear.
  }
}
