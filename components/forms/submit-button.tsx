"use client";

import { useFormStatus } from "react-dom";

/** A submit button that disables itself while its form is pending, so a double click submits once. */
export function SubmitButton({ children, pendingLabel, className = "button" }: { children: React.ReactNode; pendingLabel?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingLabel ?? children) : children}
    </button>
  );
}
