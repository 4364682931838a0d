import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath } from "../db/sqlite";

/** A timestamped file name for a backup, e.g. dateline-20261126-081500.db. */
export function backupFileName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `dateline-${stamp}.db`;
}

/**
 * Copies the live database with VACUUM INTO (safe while the server writes), then checks the copy
 * with PRAGMA integrity_check. Returns the file and how many stories it holds.
 *
 * VACUUM INTO reads one consistent snapshot in a single read transaction, which in WAL mode never
 * blocks the server's writes. (The online backup API copies in steps and starts over whenever
 * another connection writes in between: under a steady stream of saves it never finished.)
 */
export async function backupDatabase(destinationDir: string, source = databaseFilePath()) {
  fs.mkdirSync(destinationDir, { recursive: true });
  const target = path.join(destinationDir, backupFileName());
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    db.prepare("VACUUM INTO ?").run(target);
  } finally {
    db.close();
  }
  const check = verifyDatabase(target);
  if (!check.ok) {
    fs.rmSync(target, { force: true });
    throw new Error(`The backup failed its integrity check: ${check.message}`);
  }
  return { file: target, articles: check.articles };
}

/** PRAGMA integrity_check and a count of stories, on any Dateline database file. */
export function verifyDatabase(file: string): { ok: boolean; message: string; articles: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const message = (db.pragma("integrity_check", { simple: true }) as string) ?? "unknown";
    const articles = Number((db.prepare('SELECT count(*) AS n FROM "Article"').get() as { n: number | bigint }).n);
    return { ok: message === "ok", message, articles };
  } finally {
    db.close();
  }
}
