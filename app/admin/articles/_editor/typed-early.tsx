import { headers } from "next/headers";
import { TYPED_EARLY_SCRIPT } from "./typed-early-script";

/** Records what is typed into the editor before its scripts run (typed-early-script.ts); carries the response's CSP nonce. */
export async function TypedEarlyCapture() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: TYPED_EARLY_SCRIPT }} />;
}
