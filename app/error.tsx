"use client";

import { ErrorNotice, type ErrorProps } from "@/components/site/error-reference";

// Errors outside the public and desk layouts (sign-in, draft links, the layouts themselves):
// those layouts have boundaries of their own, inside their chrome (app/(public)/error.tsx, app/admin/error.tsx).
export default function ErrorPage(props: ErrorProps) {
  return <ErrorNotice {...props} />;
}
