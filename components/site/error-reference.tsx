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

/** What Next.js gives an error boundary (app/…/error.tsx): the error, and `retry` to render its pages again from the server. */
export type ErrorProps = { error: Error & { digest?: string }; retry: () => void };

/**
 * What a reader or an editor sees of an unexpected error: never the stack or internals (those go to
 * the server log), the reference to pass on, and a way to try again. Shown by each error boundary
 * (app/error.tsx, and inside the public and desk layouts, whose masthead and menu stay on screen).
 * "Try again" asks the server for the page again (Next's `retry`): `reset` only drew the same
 * failed answer again, so a reader whose page failed while the database was busy stayed on the error.
 */
export function ErrorNotice({ error, retry, inMain = false }: ErrorProps & { inMain?: boolean }) {
  // Inside a layout whose own <main id="main"> holds the page (the desk's), it is no second one.
  const Box = inMain ? "div" : "main";
  return (
    <Box id={inMain ? undefined : "main"} className="page narrow">
      <h1>Something went wrong</h1>
      <p>We could not show this page. Please try again.</p>
      <ErrorReference digest={error.digest} />
      <button type="button" className="button" onClick={() => retry()}>
        Try again
      </button>
    </Box>
  );
}
