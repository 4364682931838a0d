"use client";

import "@/lib/security/zod-jitless";
import { useEffect, type RefObject } from "react";
import { smartReplacement } from "@/lib/articles/smart-typing";
import { smartTyping } from "./body-extensions";

/**
 * The body's smart typing in a plain field (the headline, the dek): a straight quote typed becomes
 * a curly one, -- an em dash, ... an ellipsis, while the body toolbar's "Smart quotes" is on, so a
 * headline in quotation marks reads like the quotes in its story. Only a character typed is
 * changed: a paste, or text filled in at once, stays as it is. Written through the browser's own
 * editing command, so the field's undo history holds it (Ctrl+Z takes the curly quote out; unlike
 * the body, the straight one is not put back); a straight quote for inches needs the switch off.
 */
export function useSmartTyping(ref: RefObject<HTMLTextAreaElement | null>) {
  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    const onBeforeInput = (event: InputEvent) => {
      if (!smartTyping.on || field.readOnly || event.inputType !== "insertText" || event.data?.length !== 1) return;
      const start = field.selectionStart;
      const line = field.value.slice(0, start);
      const change = smartReplacement(line.slice(line.lastIndexOf("\n") + 1), event.data);
      if (!change) return;
      event.preventDefault();
      field.setSelectionRange(start - change.replace, field.selectionEnd);
      // Fires the input event React listens to, and goes into the field's undo history.
      document.execCommand("insertText", false, change.with);
    };
    field.addEventListener("beforeinput", onBeforeInput);
    return () => field.removeEventListener("beforeinput", onBeforeInput);
  }, [ref]);
}
