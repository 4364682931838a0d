import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath } from "../db/sqlite";

const stampOf = (now: Date) => now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

/** A timestamped file name for a backup, e.g. dateline-20261126-081500.db. */
export function backupFileName(now = new Date()): string {
  return `dateline-${stampOf(now)}.db`;
}

/** Creates `file` empty unless it exists; whether it did. */
function reserve(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, "wx"));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/**
 * Copies the live database with VACUUM INTO (safe while the server writes), then checks the copy
 * with PRAGMA integrity_check. Returns the file and how many stories it holds.
 *
 * VACUUM INTO reads one consistent snapshot in a single read transaction, which in WAL mode never
 * blocks the server's writes. (The online backup API copies in steps and starts over whenever
 * another connection writes in between: under a steady stream of saves it never finished.)
 */
export async function backupDatabase(destinationDir: string, source = databaseFilePath(), now = new Date()) {
  fs.mkdirSync(destinationDir, { recursive: true });
  // Two backups in one second (the timer's and one by hand) each get a file: the second failed, "output file already exists".
  const name = backupFileName(now);
  // The name is taken by creating the file (VACUUM INTO writes into an empty one), so two at once cannot pick the same.
  let target = path.join(destinationDir, name);
  for (let n = 2; !reserve(target); n++) target = path.join(destinationDir, name.replace(/\.db$/, `-${n}.db`));
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

/**
 * Replaces the database at `target` with a checked backup. The database it replaces is kept whole
 * beside it (`….before-restore-<time>`), with the writes still in its write-ahead log: a server
 * that stopped without a checkpoint, or was killed, leaves them only there (a copy of the main file
 * alone lost them, and the log was then deleted). Refused while anything has the database open (a
 * server still running kept writing into a log that was no longer the database's).
 */
export function restoreDatabase(
  backup: string,
  target = databaseFilePath(),
  now = new Date(),
): { articles: number; keptAs: string | null } {
  const check = verifyDatabase(backup);
  if (!check.ok) throw new Error(`Refusing: ${backup} fails PRAGMA integrity_check (${check.message}).`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let keptAs: string | null = null;
  if (fs.existsSync(target)) {
    const kept = `${target}.before-restore-${stampOf(now)}`;
    keptAs = kept;
    for (let n = 2; fs.existsSync(keptAs); n++) keptAs = `${kept}-${n}`;
    const current = new Database(target, { fileMustExist: true, timeout: 0 });
    try {
      // Leaving WAL mode needs the database to itself, and first writes the log into the file.
      current.pragma("journal_mode = DELETE");
      current.prepare("VACUUM INTO ?").run(keptAs);
    } catch (error) {
      const code = String((error as { code?: string }).code ?? "");
      // SQLITE_BUSY and its extended codes (…_RECOVERY, …_SNAPSHOT, …_TIMEOUT), and SQLITE_LOCKED.
      if (/^SQLITE_(BUSY|LOCKED)/.test(code))
        throw new Error(
          `Refusing: ${target} is in use (a Dateline server, or another program, has it open). Stop every server process first.`,
        );
      // Anything but a database too damaged to read (a full disk, a read-only folder) stops here.
      if (!/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw error;
      // Too damaged to read: its files are kept as they are, log and all.
      for (const suffix of ["", "-wal", "-shm"]) if (fs.existsSync(target + suffix)) fs.copyFileSync(target + suffix, keptAs + suffix);
    } finally {
      current.close();
    }
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  // Copied beside it, then renamed: the database is the old file or the whole backup, never half of one.
  fs.copyFileSync(backup, `${target}.restoring`);
  fs.renameSync(`${target}.restoring`, target);
  return { articles: check.articles, keptAs };
}
