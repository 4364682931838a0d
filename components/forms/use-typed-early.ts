"use client";

import { useEffect, useLayoutEffect, type RefObject } from "react";
import { endTypedEarly, typedEarly } from "./typed-early";

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * Puts back what was typed into this form's fields before the page's scripts ran (typed-early.ts),
 * as the form hydrates and before the browser paints. Each field is given the typed text the way
 * a keystroke would give it (the element's own value setter, then an input event), so a
 * controlled field's state takes it as well as an uncontrolled textarea's text.
 */
export function useTypedEarly(form: RefObject<HTMLFormElement | null>) {
  useLayoutEffect(() => {
    const record = typedEarly();
    if (!record || !form.current) return;
    for (const field of Array.from(form.current.elements) as Field[]) {
      const typed = field.id ? record[field.id] : undefined;
      if (typed === undefined) continue;
      delete record[field.id];
      giveTyped(field, typed);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at hydration: later typing is React's own
  }, []);
}

function giveTyped(field: Field, typed: string) {
  if (field instanceof HTMLSelectElement) {
    if (field.value === typed) return;
    field.value = typed;
    field.dispatchEvent(new Event("change", { bubbles: true }));
    return;
  }
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
  // React notes the value it last saw through the element's own `value` property and calls
  // onChange only for an input event that brings a different one; the prototype's setter changes
  // the text without telling it. So: tell it something else, then set the typed text.
  const set = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value")!.set!;
  field.value = `${typed}\u0000`;
  set.call(field, typed);
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

/** In the admin layout, after every form: once the page has hydrated, nothing more is recorded. */
export function TypedEarlyDone() {
  useEffect(endTypedEarly, []);
  return null;
}
