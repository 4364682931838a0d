import { headers } from "next/headers";
import { TYPED_EARLY_SCRIPT } from "./typed-early";

/**
 * The admin layout's recorder of text typed before the page's scripts run (typed-early.ts), with
 * the response's CSP nonce. Only in a whole page: on a client-side navigation (a fetch,
 * Sec-Fetch-Dest "empty") the page is hydrated already, and React would not run the script anyway.
 */
export async function TypedEarlyCapture() {
  const request = await headers();
  if (request.get("sec-fetch-dest") === "empty") return null;
  return <script nonce={request.get("x-nonce") ?? undefined} dangerouslySetInnerHTML={{ __html: TYPED_EARLY_SCRIPT }} />;
}
