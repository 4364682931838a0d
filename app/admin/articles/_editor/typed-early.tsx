import { headers } from "next/headers";
import { TYPED_EARLY_SCRIPT } from "./typed-early-script";

/**
 * Records what is typed into the editor before its scripts run (typed-early-script.ts), with the
 * response's CSP nonce. Only in a whole page: on a client-side navigation (a fetch, Sec-Fetch-Dest
 * "empty") the editor is hydrated already when it appears, and React would not run the script anyway.
 */
export async function TypedEarlyCapture() {
  const request = await headers();
  if (request.get("sec-fetch-dest") === "empty") return null;
  return <script nonce={request.get("x-nonce") ?? undefined} dangerouslySetInnerHTML={{ __html: TYPED_EARLY_SCRIPT }} />;
}
