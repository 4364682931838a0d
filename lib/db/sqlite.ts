import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { env } from "../env";

/** Set on every connection: DESIGN.md, "Prisma here". */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA busy_timeout = 5000",
  "PRAGMA foreign_keys = ON",
  "PRAGMA synchronous = NORMAL",
].join(";\n");

/** The absolute path of the SQLite file named by a `file:` URL, relative paths taken from the project root. */
export function databaseFilePath(url: string = env.DATABASE_URL): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (file === ":memory:") return file;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

/** A better-sqlite3 adapter factory whose connections carry our pragmas. */
export function createSqliteAdapterFactory(url?: string): SqlMigrationAwareDriverAdapterFactory {
  const file = databaseFilePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const inner = new PrismaBetterSQLite3({ url: file, timeout: 5000 });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      await adapter.executeScript(SQLITE_PRAGMAS);
      beginImmediate(adapter);
      return adapter;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}

/**
 * Write transactions begin IMMEDIATE: they take SQLite's write lock up front and wait for it
 * (busy_timeout), instead of starting as readers and failing with SQLITE_BUSY when another
 * process (a CLI, a second server) wrote in between. The adapter runs a plain "BEGIN" through its
 * better-sqlite3 client, so its `prepare` is wrapped for that one statement.
 */
function beginImmediate(adapter: SqlDriverAdapter) {
  const client = (adapter as unknown as { client?: { prepare: (sql: string) => unknown } }).client;
  if (!client) throw new Error("The better-sqlite3 adapter changed: cannot make transactions IMMEDIATE.");
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
}

/**
 * `migrate dev` replays migrations on a shadow database through `executeRaw`,
 * which better-sqlite3 runs as one prepared statement, so a migration with several
 * statements fails (P3006). Send argument-less SQL to `executeScript` instead.
 */
export function withScriptingShadowDb(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const shadow = await factory.connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.executeScript(query.sql);
        return 0;
      };
      return shadow;
    },
  };
}
