"use client";

import { ErrorReference, type ErrorProps } from "@/components/site/error-reference";

// Errors of the root layout itself: its own document, without the stylesheet.
export default function GlobalError({ error, retry }: ErrorProps) {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Something went wrong</h1>
          <p>We could not show this page. Please try again.</p>
          <ErrorReference digest={error.digest} />
          <button type="button" onClick={() => retry()}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
