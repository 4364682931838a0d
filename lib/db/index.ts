import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client";
import { env } from "../env";
import { createSqliteAdapterFactory, WRITE_WAIT_MS } from "./sqlite";
import { createPostgresAdapterFactory } from "./postgres";
import { databaseProvider } from "./provider";

function createSqliteClient() {
  return new PrismaClient({
    adapter: createSqliteAdapterFactory(),
    // Secrets never leave the data layer unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
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
 * SQLite runs one writer at a time, and code written for it may read, check and write in one
 * transaction without a lock (a version check, the one publish of a scheduled story, sign-in
 * throttling). PostgreSQL gives the same guarantee with SERIALIZABLE transactions: any two whose
 * reads and writes overlap could not have run one after the other, so one of them fails with a
 * serialization error (Prisma's P2034) and is run again from the start here, seeing the other's
 * result, until WRITE_WAIT_MS have passed (then it is `busy`, as on SQLite).
 */
function createPostgresClient(): Client {
  const client = new PostgresPrismaClient({
    adapter: createPostgresAdapterFactory(),
    omit: { user: { passwordHash: true } },
    transactionOptions: { isolationLevel: "Serializable", maxWait: WRITE_WAIT_MS + 2_000, timeout: 10_000 },
  });
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const retrying = async (...args: unknown[]) => {
    // Only an interactive transaction can be run again; a batch array is one statement list.
    if (typeof args[0] !== "function") return transaction(...args);
    const deadline = Date.now() + WRITE_WAIT_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
      try {
        return await transaction(...args);
      } catch (error) {
        if (!isSerializationFailure(error) || Date.now() + pause > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
      }
    }
  };
  Object.defineProperty(client, "$transaction", { value: retrying });
  return client as unknown as Client;
}

/** PostgreSQL refused a transaction because of a concurrent one (40001 serialization, 40P01 deadlock): run it again. */
export function isSerializationFailure(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown }; meta?: { code?: unknown } };
  return e?.code === "P2034" || e?.cause?.originalCode === "40001" || e?.cause?.originalCode === "40P01";
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
export { isPostgres, caseInsensitive } from "./provider";
