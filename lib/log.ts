import { env } from "./env";
import { requestContext } from "./ops/request-context";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type Level = keyof typeof LEVELS;

/**
 * Field names whose values never reach a log line, wherever they appear: a password (`pass`,
 * `newPassword`, `db_pass`), a secret, a token, a cookie, an authorization. Not every word with
 * "pass" in it: a job's `failedPasses` count was logged as "[redacted]".
 */
const SECRET_FIELD = /password|passphrase|passwd|secret|token|cookie|authorization|^pass$|^pass[_-]|[_-]pass$/i;
/** `dbPass`, `smtpPass`: a camel-case name ending in Pass. */
const CAMEL_PASS = /[a-z0-9]Pass$/;
export const isSecretField = (name: string) => SECRET_FIELD.test(name) || CAMEL_PASS.test(name);

/** Addresses that carry a secret in their path: a draft link's token, a password reset link's. */
const SECRET_PATH = /^(\/draft\/|\/login\/reset\/)[^/]+/;

/** An address as a log line may show it: its query dropped, and a token in its path replaced. */
export function loggablePath(url: string): string {
  // An absolute-form target (GET http://host/path) is logged by its path.
  return url
    .split("?")[0]!
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "")
    .replace(SECRET_PATH, "$1[redacted]");
}

export function logEnabled(level: Level): boolean {
  return LEVELS[level] >= LEVELS[env.DATELINE_LOG_LEVEL];
}

/**
 * One JSON line per event on stdout/stderr, at or above DATELINE_LOG_LEVEL, with the request id
 * and the signed-in user's id when it is written while a request is handled.
 */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}) {
  if (!logEnabled(level)) return;
  const context = requestContext.getStore();
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...context, ...fields }, (key, value) =>
    key && isSecretField(key) ? "[redacted]" : value,
  );
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}
