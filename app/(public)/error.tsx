"use client";

import { ErrorNotice, type ErrorProps } from "@/components/site/error-reference";

// Inside the public layout: a page that fails keeps the masthead and the footer, so the reader can go on to another.
export default function PublicErrorPage(props: ErrorProps) {
  return <ErrorNotice {...props} />;
}
