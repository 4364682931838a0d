/** What the access log knows of an answer when it has ended (scripts/server.ts writes one line per request). */
export type AnswerEnded = {
  method: string | undefined;
  /** The address as logged (lib/log.ts loggablePath). */
  path: string;
  status: number;
  /** Whether any of it was sent: headers and a status. */
  headersSent: boolean;
  /** Whether all of it was sent. */
  finished: boolean;
};

/**
 * The level of an answer's access-log line. At info, what an operator looks for: every write (the
 * scheduler's calls to its endpoint aside), every server error, and every answer that ended before
 * its headers (a reader who waited for nothing and left, or a connection broken under it: nginx's 499
 * and 502). Everything else is at debug: reads, and reads whose reader left once the page had begun
 * to arrive (a page closed or left mid-stream, hundreds an hour on a busy desk).
 */
export function accessLogLevel(answer: AnswerEnded): "info" | "debug" {
  const read = answer.method === "GET" || answer.method === "HEAD";
  if (!read && !answer.path.startsWith("/api/cron/")) return "info";
  if (answer.headersSent && answer.status >= 500) return "info";
  if (!answer.headersSent) return "info";
  return "debug";
}
