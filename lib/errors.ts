import { z } from "zod";
import { log } from "./log";

export type ErrorCode =
  "forbidden" | "not_found" | "gone" | "conflict" | "invalid" | "locked" | "unauthorized" | "storage_full" | "busy" | "unavailable";

export type FieldErrors = Record<string, string[] | undefined>;

/** The one error type lib/ throws for anything a user may be told about. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | "error"; error: string; fieldErrors?: FieldErrors; details?: Record<string, unknown> };

export const HTTP_STATUS: Record<ErrorCode | "error", number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  // Was there and was taken down (a story that ran and was unpublished), as the content API answers it.
  gone: 410,
  conflict: 409,
  invalid: 422,
  locked: 429,
  storage_full: 507,
  busy: 503,
  // A service the server needs (the photo store) cannot be used: the server's failure, not the input's, and not a full disk.
  unavailable: 503,
  error: 500,
};

/** Turns a zod failure into an `invalid` AppError with messages keyed by field path ("sources.1.url"). */
export function invalidInput(error: z.ZodError, message = "Some fields need attention."): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return new AppError("invalid", message, fieldErrors);
}

/** Parses `input` with `schema`, throwing an `invalid` AppError with field messages on failure. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

type PrismaLikeError = { code?: unknown; meta?: { target?: unknown; modelName?: unknown; code?: unknown } };

/** PostgreSQL's SQLSTATE behind a Prisma or driver adapter error ("" when there is none). */
export function postgresErrorCode(error: unknown): string {
  const e = error as {
    meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } };
    cause?: { originalCode?: unknown };
  } | null;
  return String(e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.cause?.originalCode ?? e?.meta?.code ?? "");
}

/** Maps known database errors to AppErrors; returns null for anything else. */
export function fromDatabaseError(error: unknown): AppError | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, meta } = error as PrismaLikeError;
  if (code === "P2002") {
    const target = String(meta?.target ?? (error as Error).message ?? "");
    if (target.includes("slug")) {
      // The glossary's word for what holds the address (README, Glossary).
      const word = { Section: "section", Tag: "tag", Author: "byline" }[String(meta?.modelName ?? "")] ?? "story";
      const message = `Another ${word} already has this slug.`;
      return new AppError("conflict", message, { slug: [message] });
    }
    if (target.includes("email")) {
      return new AppError("conflict", "A user with this email already exists.", { email: ["A user with this email already exists."] });
    }
    return new AppError("conflict", "That record already exists.");
  }
  if (code === "P2025") return new AppError("not_found", "That record no longer exists.");
  if (code === "SQLITE_FULL" || code === "SQLITE_IOERR" || code === "ENOSPC" || code === "EFBIG" || code === "EDQUOT" || code === "EIO")
    return storageFull();
  // P1008: the write lock was not free in time (lib/db/sqlite.ts); P2028: Prisma could not start the transaction in time.
  if (code === "P1008" || code === "P2028" || code === "SQLITE_BUSY") return databaseBusy();
  // PostgreSQL (lib/db/index.ts): P2034, still refused for conflicts after WRITE_WAIT_MS of
  // retries; 55P03, the write lock not had in time; 53100, the disk is full.
  const pgCode = postgresErrorCode(error);
  if (code === "P2034" || pgCode === "55P03") return databaseBusy();
  if (pgCode === "53100") return storageFull();
  return null;
}

/** Converts anything thrown into an ActionResult; unknown errors are logged and shown as a generic sentence. */
export function toActionResult(error: unknown, context: Record<string, unknown> = {}): ActionResult<never> {
  const appError = error instanceof AppError ? error : fromDatabaseError(error);
  if (appError) {
    return { ok: false, code: appError.code, error: appError.message, fieldErrors: appError.fieldErrors, details: appError.details };
  }
  log("error", "unexpected error", { ...context, error: String((error as Error)?.stack ?? error) });
  return { ok: false, code: "error", error: "Something went wrong on our side. Your input is still here; please try again." };
}

/** Converts anything thrown into a JSON Response with the matching HTTP status. */
export function toResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  const result = toActionResult(error, context);
  if (result.ok) return Response.json(result);
  return Response.json(
    { error: result.error, code: result.code, fieldErrors: result.fieldErrors },
    { status: HTTP_STATUS[result.code], headers: result.code === "busy" ? { "Retry-After": "2" } : undefined },
  );
}

/** Another save (or another process) held the database's write lock longer than a write waits: nothing was written. */
export function databaseBusy(): AppError {
  return new AppError(
    "busy",
    "The database is busy with another save, so this was not saved. Nothing was lost: what you typed is still here. Try again in a moment.",
  );
}

/** The disk (or the database's size limit) is full, or it refused a write: nothing was saved, and the user's input is kept where they typed it. */
export function storageFull(): AppError {
  return new AppError(
    "storage_full",
    "The server is out of disk space, so this was not saved. What you typed is still here: try again in a while, and tell your administrator.",
  );
}
