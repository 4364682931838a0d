"use client";

import { useHydrated } from "./use-hydrated";

/**
 * A submit button that disables itself while its form is pending, so a double click submits once,
 * and until the page's scripts run (useHydrated): a disabled default button also stops Enter in a
 * field from sending the form before its script can handle it.
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
    <button type="submit" className={className} disabled={pending || !hydrated} aria-disabled={pending || !hydrated}>
      {pending ? (pendingLabel ?? children) : children}
    </button>
  );
}
