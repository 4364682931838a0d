"use client";

import { useCallback, useRef, useState } from "react";
import type { ActionResult, FieldErrors } from "@/lib/errors";
import { callAction } from "./call-action";

type Options = {
  /** How long to wait for an answer before giving up with a message (default 30 s). */
  timeoutMs?: number;
  /** Measure the arguments first and refuse a call over the Server Action limit without sending it. */
  measure?: boolean;
  /** The action only reads: its failures do not say "this was not saved". */
  reads?: boolean;
};

/**
 * The one way the desk calls a Server Action from the browser. `run(...args)` sets `pending`,
 * awaits the action in try/finally (so a network drop, a 403, 413 or 5xx, or a timeout never
 * leaves a button disabled) and always resolves to an ActionResult: a thrown call becomes a
 * refusal with a sentence, the same shape as a refused input. A second call while one is in
 * flight resolves to null and sends nothing. `error` and `fieldErrors` hold the last refusal
 * until the next call or `reset()`.
 */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<ActionResult<T>>, options: Options = {}) {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const inFlight = useRef(false);
  const { timeoutMs, measure, reads } = options;

  const run = useCallback(
    async (...args: A): Promise<ActionResult<T> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setPending(true);
      try {
        const outcome = await callAction(() => action(...args), { timeoutMs, args: measure ? args : undefined, reads });
        setResult(outcome);
        return outcome;
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [action, timeoutMs, measure, reads],
  );
  const reset = useCallback(() => setResult(null), []);
  const refused = result && !result.ok ? result : null;
  return {
    run,
    pending,
    result,
    reset,
    error: refused ? refused.error : null,
    fieldErrors: refused?.fieldErrors as FieldErrors | undefined,
  };
}
