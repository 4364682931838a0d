import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { env } from "../env";
import { WriteLock } from "./write-lock";
import { recordWriteFailure, recordWriteSuccess } from "./write-health";
import { LIKE_ESCAPE } from "./typed-search";

/**
 * How long a write waits in all for SQLite's write lock (another process's save, a backup, a
 * CLI): DESIGN.md asks for at least 5 s. The wait is taken in short sleeps that yield to other
 * requests, never in SQLite's busy handler, which would block Node's only thread.
 */
export const WRITE_WAIT_MS = 5_000;

/** Set on every connection of the app: DESIGN.md, "Prisma here". `busy_timeout` is 0: waits are ours (see WRITE_WAIT_MS). */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA busy_timeout = 0",
  "PRAGMA foreign_keys = ON",
  "PRAGMA synchronous = NORMAL",
].join(";\n");

/** The command-line tools (migrate, seed scripts) may block while they wait: they serve nobody else. */
const CLI_PRAGMAS = SQLITE_PRAGMAS.replace("busy_timeout = 0", "busy_timeout = 5000");

/** The absolute path of the SQLite file named by a `file:` URL, relative paths taken from the project root. */
export function databaseFilePath(url: string = env.DATABASE_URL): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (file === ":memory:") return file;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

type BetterSqliteClient = {
  prepare(sql: string): { readonly: boolean; run(): unknown };
  exec(sql: string): unknown;
  readonly inTransaction: boolean;
};

function clientOf(adapter: SqlDriverAdapter): BetterSqliteClient {
  const client = (adapter as unknown as { client?: BetterSqliteClient }).client;
  if (!client) throw new Error("The better-sqlite3 adapter changed: it no longer exposes its client.");
  return client;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isBusy(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown; kind?: unknown }; message?: unknown };
  return (
    e?.code === "SQLITE_BUSY" ||
    e?.cause?.originalCode === "SQLITE_BUSY" ||
    (e?.cause?.kind === "SocketTimeout" && /locked|busy/i.test(String(e?.message)))
  );
}

/** The error a write gets when SQLite's lock was not free within WRITE_WAIT_MS; lib/errors.ts answers it as `busy`. */
export function databaseBusyError(): DriverAdapterError {
  return new DriverAdapterError({
    kind: "SocketTimeout",
    originalCode: "SQLITE_BUSY",
    originalMessage: "database is locked (waited for the write lock)",
  });
}

/** Notes a failed write for the health check, then throws it on. */
function failed(error: unknown): never {
  const code = String((error as { code?: unknown })?.code ?? "");
  // A refused input (a unique slug, a foreign key) is not the database failing.
  if (isBusy(error)) recordWriteFailure("busy");
  else if (/^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/.test(code)) recordWriteFailure(code);
  throw error;
}

/** Runs `attempt` until it does not fail with SQLITE_BUSY, sleeping between tries, until `deadline`. */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>, deadline: number): Promise<T> {
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() + pause > deadline) throw databaseBusyError();
      await sleep(pause + Math.random() * pause);
    }
  }
}

/**
 * The app's connection to SQLite: two better-sqlite3 connections behind one Prisma adapter.
 *
 * - Writes (transactions, and single statements that write) go through the write connection one
 *   at a time, in the order they asked (WriteLock). A transaction begins IMMEDIATE, taking SQLite's
 *   write lock up front. Whatever happens to BEGIN, COMMIT or ROLLBACK, the transaction ends on the
 *   connection and the lock is given back: one failed write never holds up the writes after it.
 * - Reads outside a transaction go to a second connection, so they see committed data only (in the
 *   stock adapter a read issued while another request's transaction was open ran inside it:
 *   prisma/orm#29933) and never wait for a write.
 */
class DatelineSqliteAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  private readonly lock = new WriteLock();
  private readonly writeClient: BetterSqliteClient;
  private readonly readClient: BetterSqliteClient;
  /** Whether a statement only reads, by its SQL (Prisma's statements are parameterised, so few). */
  private readonly readOnly = new Map<string, boolean>();

  constructor(
    private readonly writer: SqlDriverAdapter,
    private readonly reader: SqlDriverAdapter,
  ) {
    this.adapterName = writer.adapterName;
    this.writeClient = clientOf(writer);
    this.readClient = clientOf(reader);
  }

  private isReadOnly(sql: string): boolean {
    let known = this.readOnly.get(sql);
    if (known === undefined) {
      try {
        // SQLite calls a PRAGMA that changes a setting read-only: settings belong to the write connection.
        known = !/^\s*PRAGMA\b/i.test(sql) && this.readClient.prepare(sql).readonly;
      } catch {
        known = false; // let the write connection report the error
      }
      if (this.readOnly.size > 5_000) this.readOnly.clear();
      this.readOnly.set(sql, known);
    }
    return known;
  }

  async queryRaw(query: SqlQuery) {
    if (this.isReadOnly(query.sql)) return retryWhileBusy(() => this.reader.queryRaw(query), Date.now() + WRITE_WAIT_MS);
    return this.exclusively(() => this.writer.queryRaw(query));
  }

  async executeRaw(query: SqlQuery) {
    return this.exclusively(() => this.writer.executeRaw(query));
  }

  async executeScript(script: string) {
    return this.exclusively(() => this.writer.executeScript(script));
  }

  /** A single write outside a transaction: in turn with the transactions, retried while another process holds the lock. */
  private async exclusively<T>(write: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + WRITE_WAIT_MS;
    const release = await this.lock.acquire(deadline, databaseBusyError).catch(failed);
    try {
      const result = await retryWhileBusy(write, deadline).catch(failed);
      recordWriteSuccess();
      return result;
    } finally {
      release();
    }
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE")
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    const deadline = Date.now() + WRITE_WAIT_MS;
    const release = await this.lock.acquire(deadline, databaseBusyError).catch(failed);
    try {
      await retryWhileBusy(() => this.writeClient.prepare("BEGIN IMMEDIATE").run(), deadline);
    } catch (error) {
      this.endOpenTransaction();
      release();
      failed(error);
    }
    const changesBefore = this.totalChanges();
    return new SqliteTransaction(
      this.writer,
      () => {
        this.endOpenTransaction();
        release();
      },
      () => this.totalChanges() > changesBefore,
    );
  }

  /** The rows the write connection has changed since it opened (SQLite's total_changes()). */
  private totalChanges(): number {
    return (this.writeClient.prepare("SELECT total_changes() AS n") as unknown as { get(): { n: number } }).get().n;
  }

  /** Rolls back whatever a failed statement left open, so the next writer starts clean. */
  private endOpenTransaction() {
    if (!this.writeClient.inTransaction) return;
    try {
      this.writeClient.exec("ROLLBACK");
    } catch {
      // A failed ROLLBACK leaves nothing open in SQLite: it rolls back on its own.
    }
  }

  getConnectionInfo() {
    return this.writer.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  async dispose() {
    await Promise.all([this.writer.dispose(), this.reader.dispose()]);
  }
}

/**
 * One write transaction. Prisma ends it by sending COMMIT or ROLLBACK through `executeRaw` and
 * then calling commit() or rollback(); if COMMIT or ROLLBACK throws it never calls them, so the
 * lock is given back here too, once, whatever happened.
 */
class SqliteTransaction implements Transaction {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly options = { usePhantomQuery: false };
  private ended = false;

  constructor(
    private readonly writer: SqlDriverAdapter,
    private readonly onEnd: () => void,
    /** Whether the transaction changed a row: only then does its COMMIT show that writes work. */
    private readonly wrote: () => boolean,
  ) {
    this.adapterName = writer.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.writer.queryRaw(query);
  }

  async executeRaw(query: SqlQuery) {
    const statement = query.sql.trim().toUpperCase();
    if (statement !== "COMMIT" && statement !== "ROLLBACK") return this.writer.executeRaw(query);
    try {
      // A transaction that only read commits on a read-only or full database too.
      const wrote = statement === "COMMIT" && this.wrote();
      const result = await this.writer.executeRaw(query);
      if (wrote) recordWriteSuccess();
      return result;
    } catch (error) {
      this.end();
      failed(error);
    }
  }

  async commit() {
    this.end();
  }

  async rollback() {
    this.end();
  }

  private end() {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
  }
}

/** The stock factory for the database file, its folder made if missing. */
function stockFactory(url: string | undefined, options: { timeout?: number } = {}) {
  const file = databaseFilePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  return { file, inner: new PrismaBetterSQLite3({ url: file, ...options }) };
}

/**
 * Prisma's LIKE on SQLite (contains, startsWith, endsWith) names no escape character, so a `%` or
 * `_` in the text sought was always a wildcard (PostgreSQL's LIKE has one: a backslash). Every
 * `LIKE ?` the connection prepares names PostgreSQL's, LIKE_ESCAPE: one escaped text (typedSearch)
 * finds the same rows on both databases.
 */
function withLikeEscape(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const client = clientOf(adapter);
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql.replace(/\bLIKE \?(?! ESCAPE\b)/g, `LIKE ? ESCAPE '${LIKE_ESCAPE}'`));
  return adapter;
}

/** The better-sqlite3 adapter factory the app uses (see DatelineSqliteAdapter). */
export function createSqliteAdapterFactory(url?: string): SqlMigrationAwareDriverAdapterFactory {
  const { file, inner } = stockFactory(url);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const writer = withLikeEscape(await inner.connect());
      await writer.executeScript(SQLITE_PRAGMAS);
      // ":memory:" is a new database per connection: reads must share the writer's.
      if (file === ":memory:") return writer;
      const reader = withLikeEscape(await inner.connect());
      await reader.executeScript(SQLITE_PRAGMAS + ";\nPRAGMA query_only = ON");
      return new DatelineSqliteAdapter(writer, reader);
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}

/** The factory for Prisma's command-line tools (prisma.config.ts): one connection that may block while it waits. */
export function createCliSqliteAdapterFactory(url?: string): SqlMigrationAwareDriverAdapterFactory {
  const { inner } = stockFactory(url, { timeout: 5000 });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      await adapter.executeScript(CLI_PRAGMAS);
      const client = clientOf(adapter);
      const prepare = client.prepare.bind(client);
      client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
      return adapter;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}

/**
 * `migrate dev` replays migrations on a shadow database through `executeRaw`,
 * which better-sqlite3 runs as one prepared statement, so a migration with several
 * statements fails (P3006). Send argument-less SQL to `executeScript` instead.
 */
export function withScriptingShadowDb(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
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
