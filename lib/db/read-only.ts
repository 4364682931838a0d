import Database from "better-sqlite3";
import { databaseFilePath } from "./sqlite";

/**
 * A read-only better-sqlite3 connection for the reads every public page makes (the article page's
 * SQL in lib/articles/public-reads.ts, the site's settings): synchronous, and without Prisma's
 * 0.2–0.8 ms of JavaScript per query. One per process and database file; statements compiled once.
 */
const state = globalThis as unknown as { datelineReadOnly?: { file: string; db: Database.Database; statements: Map<string, Database.Statement> } };

function connection() {
  const file = databaseFilePath();
  if (state.datelineReadOnly?.file !== file) {
    state.datelineReadOnly?.db.close();
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    state.datelineReadOnly = { file, db, statements: new Map() };
  }
  return state.datelineReadOnly;
}

/** A prepared statement on the read-only connection. */
export function sql(text: string): Database.Statement {
  const { db, statements } = connection();
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = db.prepare(text)));
  return statement;
}

/**
 * Runs `read` in one read transaction: every statement in it sees the same committed state, so a
 * page never mixes a story's old headline with its new bylines when a save lands mid-render.
 */
export function readConsistently<T>(read: () => T): T {
  return connection().db.transaction(read)();
}
