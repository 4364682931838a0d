"use client";

import { ErrorReference } from "@/components/site/error-reference";

// Shown for unexpected errors; never the stack or internals (those go to the server log).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="page narrow">
      <h1>Something went wrong</h1>
      <p>We could not show this page. Please try again.</p>
      <ErrorReference digest={error.digest} />
      <button type="button" className="button" onClick={() => reset()}>
        Try again
      </button>
    </main>
  );
}
