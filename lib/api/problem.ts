import { AppError, fromDatabaseError, HTTP_STATUS, type ErrorCode } from "../errors";
import { log } from "../log";

const TITLES: Record<ErrorCode | "error", string> = {
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  gone: "Gone",
  conflict: "Conflict",
  invalid: "Invalid input",
  locked: "Too many requests",
  storage_full: "Out of storage",
  busy: "Database busy",
  unavailable: "Service unavailable",
  error: "Internal error",
};

/** The titles of the statuses a ProblemStatus answers with, where the code's title would mislead. */
const STATUS_TITLES: Record<number, string> = { 405: "Method not allowed", 413: "Content too large" };

/** The problem type URI of a code (documented on /api/v1/docs). */
export const problemType = (code: ErrorCode | "error") => `/api/v1/docs#problem-${code.replace("_", "-")}`;

/**
 * Anything thrown, as an RFC 9457 problem (`application/problem+json`): `type`, `title`, `status`,
 * `detail` (the sentence the desk shows), `errors` (the field messages the desk shows at each field,
 * keyed by field path) and, for a version conflict, who saved in between (`savedBy`, `savedAt`,
 * `currentVersion`, and the story's status now, `storyStatus`). Unknown errors are logged and answered with a generic sentence.
 */
export function problemResponse(error: unknown, context: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  const known = error instanceof AppError ? error : fromDatabaseError(error);
  if (!known) log("error", "unexpected API error", { ...context, error: String((error as Error)?.stack ?? error) });
  const problem = problemDocument(error, headers);
  return new Response(problem.body, { status: problem.status, headers: problem.headers });
}

/**
 * The problem document of `error` (see problemResponse) as a status, headers and body: also
 * written by the front server and the proxy, which refuse an oversized body before any route runs.
 */
export function problemDocument(error: unknown, headers: Record<string, string> = {}) {
  const known = error instanceof AppError ? error : fromDatabaseError(error);
  const code = known?.code ?? "error";
  const status = error instanceof ProblemStatus ? error.status : HTTP_STATUS[code];
  const details = known?.details ?? {};
  const body = {
    type: problemType(code),
    title: STATUS_TITLES[status] ?? TITLES[code],
    status,
    detail: known?.message ?? "Something went wrong on our side. Nothing was changed; please try again.",
    ...(known?.fieldErrors ? { errors: known.fieldErrors } : {}),
    ...details,
  };
  const extra: Record<string, string> = { ...headers };
  if (code === "busy") extra["retry-after"] = "2";
  if (typeof details.retryAfterSeconds === "number") extra["retry-after"] = String(details.retryAfterSeconds);
  return {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...extra },
    body: JSON.stringify(body),
  };
}

/** An AppError answered with a specific HTTP status (413 for an oversized upload, 405, 406). */
export class ProblemStatus extends AppError {
  constructor(
    readonly status: number,
    code: ErrorCode,
    message: string,
  ) {
    super(code, message);
  }
}
