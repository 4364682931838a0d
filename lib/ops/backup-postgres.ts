/**
 * Backups on PostgreSQL (DATABASE_URL=postgresql://…), beside the SQLite ones in ./backup.ts:
 * `pg_dump --format=custom`, which reads one consistent snapshot and never blocks the newsroom's
 * writes, into a timestamped file; then the same kind of check as SQLite's integrity_check: the
 * whole archive is read back (pg_restore to nowhere: every block decompressed, the table of
 * contents complete) and its stories counted. Restore checks the file the same way first, loads
 * it in one transaction, and then counts the stories in the database against the archive.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findPgBin } from "./pg-tools";

/** pg_dump and pg_restore: Debian's newest server binaries, else PATH. */
function tool(name: "pg_dump" | "pg_restore" | "psql"): string {
  const bin = findPgBin();
  if (bin && fs.existsSync(path.join(bin, name))) return path.join(bin, name);
  return name;
}

/** A timestamped file name for a PostgreSQL backup, e.g. dateline-20261126-081500.dump. */
export function postgresBackupFileName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `dateline-${stamp}.dump`;
}

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30, env });

/**
 * A database address for pg_dump, pg_restore and psql without its password, which goes in their
 * environment (PGPASSWORD): on their command line anyone on the machine read it in `ps`.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // A form libpq reads and URL does not (several hosts): passed on as it is.
    return { dbname: url, env: process.env };
  }
  const password = decodeURIComponent(parsed.password) || parsed.searchParams.get("password") || "";
  parsed.password = "";
  parsed.searchParams.delete("password");
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

export async function backupPostgres(destinationDir: string, url: string) {
  fs.mkdirSync(destinationDir, { recursive: true });
  const target = path.join(destinationDir, postgresBackupFileName());
  const db = connection(url);
  run(tool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", "--file", target, "--dbname", db.dbname], db.env);
  const check = verifyPostgresBackup(target);
  if (!check.ok) {
    fs.rmSync(target, { force: true });
    throw new Error(`The backup failed its check: ${check.message}`);
  }
  return { file: target, articles: check.articles };
}

/** Reads the whole archive back and counts its stories; `ok` false with the reason if it cannot. */
export function verifyPostgresBackup(file: string): { ok: boolean; message: string; articles: number } {
  try {
    const list = run(tool("pg_restore"), ["--list", file]);
    for (const table of ["Article", "User", "_prisma_migrations"]) {
      if (!new RegExp(`TABLE DATA public "?${table}"? `).test(list))
        return { ok: false, message: `no data for table ${table}`, articles: 0 };
    }
    // Every block of every table, decompressed and written nowhere: a truncated or damaged file fails here.
    run(tool("pg_restore"), ["--file", "/dev/null", file]);
    const rows = run(tool("pg_restore"), ["--data-only", "--table", "Article", "--file", "-", file]);
    const copy = rows.slice(rows.indexOf('COPY public."Article"'));
    const articles = copy.split("\n").slice(1).indexOf("\\.");
    return { ok: articles >= 0, message: articles >= 0 ? "ok" : "the story table's data is incomplete", articles: Math.max(articles, 0) };
  } catch (error) {
    return { ok: false, message: String((error as { stderr?: string }).stderr || error).trim(), articles: 0 };
  }
}

/** Loads a checked archive into the database at `url` (emptied of Dateline's objects first), in one transaction. */
export function restorePostgres(file: string, url: string): { articles: number } {
  const check = verifyPostgresBackup(file);
  if (!check.ok) throw new Error(`Refusing: ${file} fails its check (${check.message}).`);
  const db = connection(url);
  // A server still connected would go on with what it had read and cached, over another database
  // under it (a probe's showed the restored stories beside settings saved after the backup).
  const others = Number(
    run(
      tool("psql"),
      [
        "--no-psqlrc",
        "-At",
        "-c",
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
        db.dbname,
      ],
      db.env,
    ).trim(),
  );
  if (others > 0)
    throw new Error(
      `Refusing: ${others} other connection${others === 1 ? " is" : "s are"} open to this database (a running Dateline server, or another client). Stop the servers, then restore. Nothing was changed.`,
    );
  run(
    tool("pg_restore"),
    ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", db.dbname, file],
    db.env,
  );
  const counted = Number(run(tool("psql"), ["--no-psqlrc", "-At", "-c", 'SELECT count(*) FROM "Article"', db.dbname], db.env).trim());
  if (counted !== check.articles) throw new Error(`The restored database holds ${counted} stories; the backup ${check.articles}.`);
  return { articles: counted };
}
