"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import type { EditorFields } from "@/lib/articles/editor";
import { TYPED_EARLY_GLOBAL } from "./typed-early-script";

type TextKey = "headline" | "dek" | "slug" | "dateline" | "sectionId" | "seoTitle" | "seoDescription" | "canonicalUrl";

/** The editor's plain fields, by the id of the element that holds each. */
const FIELDS: [id: string, key: TextKey][] = [
  ["headline", "headline"],
  ["dek", "dek"],
  ["slug", "slug"],
  ["dateline", "dateline"],
  ["section", "sectionId"],
  ["seo-title", "seoTitle"],
  ["seo-description", "seoDescription"],
  ["canonical", "canonicalUrl"],
];

export type TypedEarly = Partial<Record<TextKey, string>>;

/**
 * Keeps what was typed into the server-rendered editor before its scripts ran (a slow network, a
 * busy machine). React puts a textarea's server-rendered text back when it hydrates, and keeps an
 * input's typed text on screen without telling the form (the next render, or the save, would
 * use the old value). The page's inline script (typed-early-script.ts) records what is typed
 * until then; once hydrated, each field whose text differs from what the server rendered is
 * handed to `adopt`, after the browser's stored draft (use-article-draft.ts) has been applied.
 */
export function useTypedBeforeHydration(rendered: EditorFields, adopt: (typed: TypedEarly) => void) {
  const typed = useRef<TypedEarly>({});
  // Before anything renders again; from now on React hears every keystroke itself.
  useLayoutEffect(() => {
    const global = window as unknown as Record<string, Record<string, string> | null | undefined>;
    const early = global[TYPED_EARLY_GLOBAL];
    global[TYPED_EARLY_GLOBAL] = null;
    if (!early) return;
    for (const [id, key] of FIELDS) {
      const value = early[id];
      if (value !== undefined && value !== (rendered[key] ?? "")) typed.current[key] = value;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at hydration: later renders are React's own
  }, []);
  useEffect(() => {
    if (Object.keys(typed.current).length > 0) adopt(typed.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at hydration
  }, []);
}
