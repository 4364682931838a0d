import type { ActionResult } from "@/lib/errors";
import { withinMs } from "@/lib/ops/within";
import { ACTION_BODY_LIMIT, formatBytes } from "@/lib/security/limits";

/** What the desk says when a call never got an answer it could read (a proxy's 5xx page, a crashed render). */
export const UNREACHABLE_MESSAGE =
  "The server could not be reached or did not answer, so this was not saved. What you typed is still here: try again.";

/**
 * The connection dropped (offline, reset, DNS): the call never reached the server or its answer
 * never came back. It promises no retry: only a draft's autosave tries again by itself (and its
 * save bar says so); a publish, a move or a live story's save waited for a retry that never came.
 */
export const NETWORK_MESSAGE =
  "The connection to the server dropped, so this was not saved. What you typed is still here: try again once the connection is back.";

/** The same three failures for a call that only reads (nothing was being saved). */
export const READ_FAILED_MESSAGES = {
  unreachable: "The server could not be reached or did not answer. Try again.",
  network: "The connection to the server dropped before its answer came. Try again once the connection is back.",
  timeout: (ms: number) => `The server did not answer within ${Math.round(ms / 1000)} seconds. Try again.`,
};

/** How long a call may take before the desk stops waiting for it. */
export const ACTION_TIMEOUT_MS = 30_000;

export const timeoutMessage = (ms: number) =>
  `The server did not answer within ${Math.round(ms / 1000)} seconds, so this may not have been saved. What you typed is still here: try again.`;

export const tooLargeMessage = (bytes: number) =>
  `This is too large to send (${formatBytes(bytes)}; the limit is ${formatBytes(ACTION_BODY_LIMIT)}). Nothing was sent, and what you typed is still here.`;

class ActionTimeout extends Error {}

const refusal = (error: string): ActionResult<never> => ({ ok: false, code: "error", error });

/** The size of a Server Action's arguments as sent (Next.js encodes them as JSON text), in bytes. */
export function argumentBytes(args: unknown): number {
  try {
    return new TextEncoder().encode(JSON.stringify(args)).length;
  } catch {
    return 0;
  }
}

/**
 * Calls a Server Action and always comes back with an ActionResult: a thrown call (network drop,
 * a body refused before it reached the action, a 5xx page, a crashed render) or one that takes
 * longer than `timeoutMs` becomes a refusal with a message, like any refused input, so no caller
 * is left waiting with a button disabled. `args`, when given, are measured first: a call larger
 * than the Server Action limit is refused at once, without sending it. A call that `reads` says
 * so in its failures instead of "this was not saved".
 */
export async function callAction<T>(
  call: () => Promise<ActionResult<T>>,
  { timeoutMs = ACTION_TIMEOUT_MS, args, reads = false }: { timeoutMs?: number; args?: unknown; reads?: boolean } = {},
): Promise<ActionResult<T>> {
  if (args !== undefined) {
    const bytes = argumentBytes(args);
    if (bytes > ACTION_BODY_LIMIT) return refusal(tooLargeMessage(bytes));
  }
  try {
    const result = await withinMs(call(), timeoutMs, () => {
      throw new ActionTimeout();
    });
    // An action that answered with something other than a result.
    if (!result || typeof result !== "object" || !("ok" in result))
      return refusal(reads ? READ_FAILED_MESSAGES.unreachable : UNREACHABLE_MESSAGE);
    return result;
  } catch (error) {
    return refusal(messageFor(error, timeoutMs, reads));
  }
}

/** The sentence for a call that threw. */
function messageFor(error: unknown, timeoutMs: number, reads: boolean): string {
  if (error instanceof ActionTimeout) return reads ? READ_FAILED_MESSAGES.timeout(timeoutMs) : timeoutMessage(timeoutMs);
  // fetch() rejects with a TypeError when the request or its answer never arrived.
  if (error instanceof TypeError || (typeof navigator !== "undefined" && navigator.onLine === false))
    return reads ? READ_FAILED_MESSAGES.network : NETWORK_MESSAGE;
  const message = error instanceof Error ? error.message : "";
  // A refusal answered in plain text before the action ran (proxy.ts, the front server: 413),
  // which Next.js's client passes on as the error's message.
  if (/too large/i.test(message)) return `${message} Nothing was saved; what you typed is still here.`;
  if (/cross-site/i.test(message)) return `${message} Reload the page and try again; what you typed is still here.`;
  return reads ? READ_FAILED_MESSAGES.unreachable : UNREACHABLE_MESSAGE;
}
