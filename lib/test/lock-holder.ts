import { spawn } from "node:child_process";
import { PG_WRITE_LOCK } from "../db/pg-write-lock";

/**
 * Another process that takes the database's write lock and holds it for `ms`: on a SQLite `file`,
 * BEGIN IMMEDIATE (as the sqlite3 shell would); given a postgresql:// URL, Dateline's advisory
 * write lock (lib/db/index.ts, PG_WRITE_LOCK) in an open transaction, as another instance's save
 * would. Resolves once the lock is held; `released` resolves when the process has committed and exited.
 */
export async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const script = /^postgres/.test(file)
    ? `
    const pg = require("pg");
    const client = new pg.Client({ connectionString: process.argv[1] });
    (async () => {
      await client.connect();
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(${PG_WRITE_LOCK})");
      process.stdout.write("locked\\n");
      setTimeout(async () => { await client.query("COMMIT"); await client.end(); process.exit(0); }, Number(process.argv[2]));
    })();`
    : `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    db.prepare('UPDATE "Setting" SET "value" = "value" WHERE 0').run();
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("COMMIT"); db.close(); process.exit(0); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ["-e", script, file, String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
  const released = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
  });
  return { released };
}
