// Imported first by each command-line script (npm run db:backup, user:create, …): a failure ends
// it with a sentence on stderr and exit code 1, not a stack trace. The stack is printed too with
// DATELINE_LOG_LEVEL=debug. It imports nothing, so that a failure while the script's own imports
// load (an invalid environment in lib/env.ts) is caught too.

/** The sentence an operator reads for a failure of a command-line script. */
export function cliFailure(error: unknown): string {
  // lib/errors.ts's AppError, known by name: importing it would load lib/env.ts before these handlers.
  if (error instanceof Error && error.constructor.name === "AppError") return error.message;
  const e = (error ?? {}) as { code?: unknown; path?: unknown; message?: unknown };
  const where = typeof e.path === "string" ? e.path : "that path";
  const message = typeof e.message === "string" ? e.message.trim() : String(error);
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `${message.replace(/\.?$/, ".")} See the usage at the top of the script, or the README.`;
    case "ENOENT":
      return `There is no file or folder at ${where}.`;
    case "EISDIR":
      return typeof e.path === "string" ? `${where} is a folder; give a file.` : "A folder was given where a file is needed.";
    case "ENOTDIR":
      return `A part of ${where} is a file, not a folder.`;
    case "EACCES":
    case "EPERM":
      return `This user may not read or write ${where}.`;
    case "SQLITE_CANTOPEN":
      return `The database file cannot be opened (${message}): check DATABASE_URL, and that its folder exists.`;
  }
  const lines = message.split("\n").filter((line) => line.trim() && !/^\s*at\s/.test(line));
  // Prisma's message quotes the calling code first; the reason is its last line.
  if (/invocation in$/m.test(message)) return `Failed: ${lines.at(-1)!.trim()}`;
  return `Failed: ${lines.slice(0, 6).join("\n")}`;
}

function fail(error: unknown) {
  console.error(cliFailure(error));
  if (process.env.DATELINE_LOG_LEVEL === "debug") console.error(error);
  process.exit(1);
}

process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
