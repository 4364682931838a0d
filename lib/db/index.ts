import { PrismaClient } from "../generated/prisma/client";
import { createSqliteAdapterFactory, WRITE_WAIT_MS } from "./sqlite";

function createClient() {
  return new PrismaClient({
    adapter: createSqliteAdapterFactory(),
    // Secrets never leave the data layer unless a query asks for them by name.
    omit: { user: { passwordHash: true }, twoFactor: { secret: true } },
    // A transaction waits up to WRITE_WAIT_MS for the write lock (the adapter refuses it after
    // that); Prisma's own start limit must not cut that wait short.
    transactionOptions: { maxWait: WRITE_WAIT_MS + 2_000, timeout: 10_000 },
  });
}

type Client = ReturnType<typeof createClient>;

// One client per process; dev-mode hot reloads reuse it instead of leaking connections.
const globalForDb = globalThis as unknown as { datelineDb?: Client };

export const db: Client = globalForDb.datelineDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.datelineDb = db;

export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
export { Prisma } from "../generated/prisma/client";
export * from "../generated/prisma/enums";
