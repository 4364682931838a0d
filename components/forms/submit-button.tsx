/** A submit button that disables itself while its form is pending, so a double click submits once. */
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
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingLabel ?? children) : children}
    </button>
  );
}
