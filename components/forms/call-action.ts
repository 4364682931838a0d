import type { ActionResult } from "@/lib/errors";

/** What the desk says when a call never got an answer it could read (network drop, a proxy's 413 or 5xx page). */
export const UNREACHABLE_MESSAGE =
  "The server could not be reached or did not answer, so this was not saved. What you typed is still here: try again.";

/**
 * Calls a Server Action and always comes back with an ActionResult: a thrown call (network drop,
 * a body refused before it reached the action, a crashed render) becomes a refusal with a
 * message, like any refused input, so no caller is left waiting with a button disabled.
 */
export async function callAction<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    const result = await call();
    // An action that answered with something other than a result (e.g. an HTML error page).
    if (!result || typeof result !== "object" || !("ok" in result)) return { ok: false, code: "error", error: UNREACHABLE_MESSAGE };
    return result;
  } catch {
    return { ok: false, code: "error", error: UNREACHABLE_MESSAGE };
  }
}
