/**
 * Lets the process's other work in: above all the HTTP requests a server process reads. SQLite's
 * queries (better-sqlite3) run on this thread and resolve at once, so a loop of them awaits nothing
 * the event loop waits on, and a request arriving meanwhile waited until the loop ended: a page
 * asked for while an import, a wire push or a batch of jobs ran in its process. Awaited between the
 * items of such a loop, never inside a transaction: the transaction holds the write lock (SQLite's
 * queue in lib/db/sqlite.ts, PostgreSQL's advisory lock) while the requests let in run, and every
 * other writer waits on it, towards its timeout.
 */
export function takeTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
