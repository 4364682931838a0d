"use client";

import { useActionState, useEffect, useRef, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/errors";
import { callAction } from "./call-action";
import { useTypedEarly } from "./use-typed-early";

/**
 * Submits a form to a Server Action without React's automatic form reset, so what the
 * user typed stays in the fields when the server refuses it. Returns the last result,
 * an onSubmit handler and whether a submission is in flight (a second submit is ignored).
 * `shown` is the result to tell the user about: none while a new submission is in flight,
 * so a "Saved." from the save before never stands beside "Saving…" as if it were this one's;
 * `fieldErrors` (the messages beside the fields) come from it too.
 * (Forms that show a secret only once, naming what it belongs to, show `result` instead: it
 * stays until the next answer replaces it.)
 * The call goes through callAction like every other (use-action.ts): a network drop, a 413
 * or a 5xx comes back as a refusal with a message, never a thrown render.
 * Give the form `ref={formRef}`: what was typed into it before the page's scripts ran is put back
 * as it hydrates (useTypedEarly), and with `resetOnSuccess` (a form that adds things) it is
 * cleared once the server has taken it, never after a refusal.
 */
export function useActionForm<T>(action: (form: FormData) => Promise<ActionResult<T>>, { resetOnSuccess = false } = {}) {
  const [result, dispatch, actionPending] = useActionState<ActionResult<T> | null, FormData>(
    (_prev, form) => callAction(() => action(form)),
    null,
  );
  const [transitionPending, startTransition] = useTransition();
  const pending = actionPending || transitionPending;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  const shown = pending ? null : result;
  const formRef = useRef<HTMLFormElement>(null);
  useTypedEarly(formRef);
  useEffect(() => {
    if (resetOnSuccess && result?.ok) formRef.current?.reset();
  }, [result, resetOnSuccess]);
  return { result, shown, onSubmit, pending, formRef, fieldErrors: shown && !shown.ok ? shown.fieldErrors : undefined };
}
