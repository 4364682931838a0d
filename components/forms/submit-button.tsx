"use client";

import { useHydrated } from "./use-hydrated";

/**
 * A submit button that refuses clicks while its form is pending, so a double click submits once,
 * keeping the keyboard's focus (aria-disabled, not disabled, which would drop focus to the page);
 * and disabled until the page's scripts run (useHydrated): a disabled default button also stops
 * Enter in a field from sending the form before its script can handle it.
 */
export function SubmitButton({
  children,
  pending,
  pendingLabel,
  className = "button",
}: {
  children: React.ReactNode;
  pending: boolean;
  pendingLabel?: string;
  className?: string;
}) {
  const hydrated = useHydrated();
  return (
    <button
      type="submit"
      className={className}
      // While pending it stays focusable (aria-disabled, and a click does nothing): the keyboard stays where it was.
      disabled={!hydrated}
      aria-disabled={pending || !hydrated}
      onClick={(e) => {
        if (pending) e.preventDefault();
      }}
    >
      {pending ? (pendingLabel ?? children) : children}
    </button>
  );
}
