/**
 * The error's digest, which the server's "request failed" log line names too (lib/ops/request-error.ts):
 * what a reader or an editor can pass on, and what the operator finds the error by.
 */
export function ErrorReference({ digest }: { digest?: string }) {
  if (!digest) return null;
  return (
    <p className="muted">
      If it keeps happening, give the site&apos;s team this reference: <code>{digest}</code>
    </p>
  );
}
