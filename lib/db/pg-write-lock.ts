/** The key of Dateline's cluster-wide advisory write lock on PostgreSQL (see lib/db/index.ts). */
export const PG_WRITE_LOCK = 72_011_126;

/**
 * How long a write waits in all on PostgreSQL for its turn (this process's queue, then the advisory
 * lock, then retries after conflicts). Longer than SQLite's WRITE_WAIT_MS: each statement is a
 * round trip to the server, so a write transaction holds the lock longer and a queue takes longer to drain.
 */
export const PG_WRITE_WAIT_MS = 15_000;
