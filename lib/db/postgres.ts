import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import { env } from "../env";

/**
 * PostgreSQL through `@prisma/adapter-pg` (DATABASE_URL=postgresql://…). Unlike SQLite there is
 * no write lock to manage: PostgreSQL runs writers side by side, and the guarantees SQLite's single
 * writer gave for free come from running every interactive transaction SERIALIZABLE and retrying
 * it when PostgreSQL reports a conflict (lib/db/index.ts).
 */

/**
 * The adapter factory the app uses: a pool of DATELINE_PG_POOL_SIZE connections per server process
 * (10 by default); PostgreSQL's max_connections must cover every process's pool and its listener.
 */
export function createPostgresAdapterFactory(url: string = env.DATABASE_URL, poolSize = env.DATELINE_PG_POOL_SIZE): PrismaPg {
  return new PrismaPg({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
}

/** The same URL naming another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** The database a URL names. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

// pg's type ids the adapter cannot map (prisma/orm#27403: the schema engine's catalog queries
// return `name`, `char` and similar columns); they are all text to the schema engine.
const TEXT = 25;
const TEXT_ARRAY = 1009;
const AS_TEXT = new Map<number, number>([
  [18, TEXT], // "char"
  [19, TEXT], // name
  [24, TEXT], // regproc
  [194, TEXT], // pg_node_tree
  [2205, TEXT], // regclass
  [22, TEXT], // int2vector
  [30, TEXT], // oidvector
  [1003, TEXT_ARRAY], // name[]
  [1002, TEXT_ARRAY], // "char"[]
]);

type Fields = { fields: { dataTypeID: number }[] };
type Queryable = { performIO(query: SqlQuery): Promise<Fields>; client: { query(sql: string): Promise<unknown> } };

/** Makes the adapter read catalog types as text and run a migration script whole (see below). */
function forSchemaEngine<T extends SqlDriverAdapter>(adapter: T): T {
  const queryable = adapter as unknown as Queryable;
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) field.dataTypeID = AS_TEXT.get(field.dataTypeID) ?? field.dataTypeID;
    return result;
  };
  // The stock executeScript splits the script at every ";", which breaks a function body
  // (the cache expiry trigger); PostgreSQL runs a whole script in one simple query.
  adapter.executeScript = async (script: string) => {
    await queryable.client.query(script);
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolation) => {
    const tx = await startTransaction(isolation);
    const txQueryable = tx as unknown as Queryable;
    const txPerformIO = txQueryable.performIO.bind(txQueryable);
    txQueryable.performIO = async (query) => {
      const result = await txPerformIO(query);
      for (const field of result.fields) field.dataTypeID = AS_TEXT.get(field.dataTypeID) ?? field.dataTypeID;
      return result;
    };
    return tx;
  };
  return adapter;
}

/**
 * The factory for Prisma's command-line tools (prisma.config.ts): the WebAssembly schema engine
 * over adapter-pg, nothing downloaded. Two fixes over the stock factory: catalog types it cannot
 * map are read as text, and the shadow database (for `migrate diff --from-migrations`) is a
 * new database on the same server; the stock one kept the URL's database when given a
 * connection string, so the shadow migrations ran in the real database.
 */
export function createCliPostgresAdapterFactory(url: string = env.DATABASE_URL): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg({ connectionString: url, max: 2 });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => forSchemaEngine(await inner.connect()),
    async connectToShadowDb() {
      const admin = forSchemaEngine(await inner.connect());
      const name = `prisma_shadow_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = forSchemaEngine(await new PrismaPg({ connectionString: withDatabase(url, name), max: 2 }).connect());
      // The engine replays each migration through executeRaw, which pg sends as one prepared
      // statement: a migration with several statements would fail. Argument-less SQL runs as a script.
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.executeScript(query.sql);
        return 0;
      };
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}
