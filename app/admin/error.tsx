"use client";

import { ErrorNotice, type ErrorProps } from "@/components/site/error-reference";

// Inside the desk's layout: a desk page that fails keeps the desk's menu, so the editor can go on to another.
export default function AdminErrorPage(props: ErrorProps) {
  return <ErrorNotice {...props} inMain />;
}
