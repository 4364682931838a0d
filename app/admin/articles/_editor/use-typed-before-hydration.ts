"use client";

import { useLayoutEffect } from "react";
import type { EditorFields } from "@/lib/articles/editor";
import { typedEarly } from "@/components/forms/typed-early";
import { type EDITOR_FIELD_IDS, TYPED_EARLY_FIELDS } from "./field-ids";

export type TypedEarly = Partial<Record<keyof typeof EDITOR_FIELD_IDS, string>>;

/**
 * Keeps what was typed into the server-rendered editor before its scripts ran (a slow network, a
 * busy machine). When React hydrates, it puts a textarea's server-rendered text back (unless it
 * was empty), and it keeps an input's typed text (or an empty textarea's) on screen without
 * telling the form, so the next render or the save would use the old value either way. The
 * admin layout's inline script (components/forms/typed-early.ts) records what is typed until then; at hydration,
 * before the browser paints, each field whose text differs from what the server rendered is
 * handed to `adopt`. Call it after useArticleDraft: its layout effect, which restores the
 * browser's stored draft, must run first, so what was typed goes on top.
 */
export function useTypedBeforeHydration(rendered: EditorFields, adopt: (typed: TypedEarly) => void) {
  useLayoutEffect(() => {
    const early = typedEarly();
    if (!early) return;
    const typed: TypedEarly = {};
    for (const [id, key] of TYPED_EARLY_FIELDS) {
      const value = early[id];
      delete early[id];
      if (value !== undefined && value !== (rendered[key] ?? "")) typed[key] = value;
    }
    if (Object.keys(typed).length > 0) adopt(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at hydration: later renders are React's own
  }, []);
}
