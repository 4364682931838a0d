import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client";
import { env } from "../env";
import { createSqliteAdapterFactory, WRITE_WAIT_MS } from "./sqlite";
import { createPostgresAdapterFactory } from "./postgres";
import { databaseProvider } from "./provider";
import { WriteLock } from "./write-lock";
import { PG_WRITE_LOCK, PG_WRITE_WAIT_MS } from "./pg-write-lock";
import { recordWriteFailure, recordWriteSuccess } from "./write-health";
import { databaseBusy, postgresErrorCode } from "../errors";

function createSqliteClient() {
  return new PrismaClient({
    adapter: createSqliteAdapterFactory(),
    // Secrets never leave the data layer unless a query asks for them by name.
    omit: { user: { passwordHash: true }, twoFactor: { secret: true } },
    // A transaction waits up to WRITE_WAIT_MS for the write lock (the adapter refuses it after
    // that); Prisma's own start limit must not cut that wait short.
    transactionOptions: { maxWait: WRITE_WAIT_MS + 2_000, timeout: 10_000 },
  });
}

type Client = ReturnType<typeof createSqliteClient>;

/**
 * PostgreSQL (DATABASE_URL=postgresql://…): the same models through the twin's generated client
 * (prisma/postgresql/schema.prisma), typed as the SQLite one so the code above never asks which.
 *
 * The code was written for SQLite's one writer at a time: a transaction may read, check and write
 * without a lock (a version check, the one publish of a scheduled story, sign-in throttling). On
 * PostgreSQL, where writers run side by side on every instance, each interactive transaction
 * gets the same guarantee twice over:
 * - it runs SERIALIZABLE: PostgreSQL refuses (40001, Prisma's P2034) any transaction whose reads
 *   and writes could not have happened one after the other, so no check is made on data another
 *   transaction is changing, whatever runs outside the lock below;
 * - it waits its turn in this process (WriteLock, as on SQLite: one pooled connection at most is
 *   held by a waiting writer, the others stay free for reads, including reads a transaction's
 *   code makes outside it), then takes one cluster-wide advisory lock (PG_WRITE_LOCK), like
 *   SQLite's BEGIN IMMEDIATE:
 *   write transactions queue instead of failing each other. A newsroom's writes are few and short
 *   (a save is a few milliseconds); without the queue, serializable transactions on small tables
 *   (whole-table predicate locks) failed each other in storms. Reads outside transactions, the
 *   bulk of the load, never wait for it.
 * A transaction refused for a conflict is run again from the start, seeing the other's result,
 * until PG_WRITE_WAIT_MS have passed; a lock not had by then is `busy`, as on SQLite.
 */

function createPostgresClient(): Client {
  const client = new PostgresPrismaClient({
    adapter: createPostgresAdapterFactory(),
    omit: { user: { passwordHash: true } },
    transactionOptions: { isolationLevel: "Serializable", maxWait: PG_WRITE_WAIT_MS + 2_000, timeout: PG_WRITE_WAIT_MS + 10_000 },
  });
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const writeLock = new WriteLock();
  type TxClient = { $executeRawUnsafe(sql: string): Promise<number> };
  const retrying = async (...args: unknown[]) => {
    const [body, options] = args;
    // Only an interactive transaction can be run again; a batch array is one statement list.
    if (typeof body !== "function") return transaction(...args);
    const locked = async (tx: TxClient) => {
      // One round trip: the wait's limit is set (for this transaction) before the lock is asked for.
      await tx.$executeRawUnsafe(`SELECT set_config('lock_timeout', '${PG_WRITE_WAIT_MS}', true), pg_advisory_xact_lock(${PG_WRITE_LOCK})`);
      return (body as (tx: TxClient) => Promise<unknown>)(tx);
    };
    const deadline = Date.now() + PG_WRITE_WAIT_MS;
    // The health check (lib/ops/health.ts) hears how writes fare, as from the SQLite adapter.
    const release = await writeLock.acquire(deadline, databaseBusy).catch((error: unknown) => {
      recordWriteFailure("busy");
      throw error;
    });
    try {
      for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
        try {
          const result = await transaction(locked, options);
          recordWriteSuccess();
          return result;
        } catch (error) {
          if (isSerializationFailure(error) || postgresErrorCode(error) === "55P03") recordWriteFailure("busy");
          if (!isSerializationFailure(error) || Date.now() + pause > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
        }
      }
    } finally {
      release();
    }
  };
  Object.defineProperty(client, "$transaction", { value: retrying });
  return client as unknown as Client;
}

/** PostgreSQL refused a transaction because of a concurrent one (40001 serialization, 40P01 deadlock): run it again. */
export function isSerializationFailure(error: unknown): boolean {
  const code = postgresErrorCode(error);
  return (error as { code?: unknown })?.code === "P2034" || code === "40001" || code === "40P01";
}

function createClient(): Client {
  return databaseProvider(env.DATABASE_URL) === "postgresql" ? createPostgresClient() : createSqliteClient();
}

// One client per process; dev-mode hot reloads reuse it instead of leaking connections.
const globalForDb = globalThis as unknown as { datelineDb?: Client };

export const db: Client = globalForDb.datelineDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.datelineDb = db;

export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
export { Prisma } from "../generated/prisma/client";
export * from "../generated/prisma/enums";
export { isPostgres } from "./provider";
export { typedSearch } from "./typed-search";
