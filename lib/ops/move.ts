/**
 * Copies a SQLite newsroom into PostgreSQL (npm run db:move-to-postgres), table by table, and
 * proves the copy: the same number of rows and the same checksum in every table, computed on both
 * sides from values read back and put in one canonical form (times in ms, JSON with sorted keys).
 *
 * - Consistent: it reads from an online backup of the SQLite file (lib/ops/backup.ts), so the
 *   newsroom may keep running while it copies; changes made after that moment are not copied (stop
 *   writing, or run it again: see resumable).
 * - Resumable: rows go in batches, each its own transaction, with ON CONFLICT DO NOTHING on the
 *   primary key, so a run that was interrupted is simply run again: what was copied stays, the
 *   rest is added. Tables go parents first, so foreign keys hold at every commit.
 * - Photos: every file of every photo (original and variants) is copied through the MediaStore
 *   interface from the source folder to the store this configuration uses, skipping files already
 *   there, and each one is compared by SHA-256.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { backupDatabase } from "./backup";
import type { MediaStore } from "../media/store";
import { photoFileKeys } from "../media/variants";

export type TableReport = { table: string; source: number; target: number; copied: number; checksum: string; same: boolean };
export type MoveReport = { tables: TableReport[]; photos: { files: number; copied: number; same: boolean } | null; ok: boolean };

type Column = { name: string; type: string };
type Table = { name: string; columns: Column[]; key: string[] };

const BATCH = 500;

/** The target's tables (Prisma's, without its migration log) with their columns, primary keys, parents first. */
async function targetTables(client: pg.Client): Promise<Table[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  const { rows: columns } = await client.query<{ table: string; name: string; type: string }>(
    `SELECT table_name AS table, column_name AS name, udt_name AS type FROM information_schema.columns
     WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  const { rows: keys } = await client.query<{ table: string; name: string }>(
    `SELECT tc.table_name AS table, kcu.column_name AS name FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
     WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY' ORDER BY kcu.ordinal_position`,
  );
  const { rows: references } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT tc.table_name AS child, ccu.table_name AS parent FROM information_schema.table_constraints tc
     JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
     WHERE tc.table_schema = 'public' AND tc.constraint_type = 'FOREIGN KEY'`,
  );
  const byName = new Map<string, Table>(
    tables.map(({ name }) => [
      name,
      {
        name,
        columns: columns.filter((c) => c.table === name).map(({ name: n, type }) => ({ name: n, type })),
        key: keys.filter((k) => k.table === name).map((k) => k.name),
      },
    ]),
  );
  // Parents before children (Kahn's order; a table naming itself does not wait for itself).
  const ordered: Table[] = [];
  const pending = new Set(byName.keys());
  while (pending.size > 0) {
    const ready = [...pending]
      .filter((name) => !references.some((r) => r.child === name && r.parent !== name && pending.has(r.parent)))
      .sort();
    if (ready.length === 0) throw new Error(`Circular foreign keys among: ${[...pending].join(", ")}`);
    for (const name of ready) {
      ordered.push(byName.get(name)!);
      pending.delete(name);
    }
  }
  return ordered;
}

/** A SQLite value as PostgreSQL should store it in a column of `type`. */
function toTarget(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "bool") return value === 1 || value === 1n || value === true || value === "true";
  if (type.startsWith("timestamp")) return sqliteTime(value).toISOString();
  if (type === "jsonb" || type === "json") return typeof value === "string" ? value : JSON.stringify(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** Prisma's SQLite DateTime: milliseconds since 1970, or text (CURRENT_TIMESTAMP's is UTC without a zone). */
function sqliteTime(value: unknown): Date {
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  if (/^\d+$/.test(text)) return new Date(Number(text));
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}

/** One value in the checksum's canonical form, whichever database it was read from. */
function canonical(value: unknown, type: string): string {
  if (value === null || value === undefined) return "∅";
  if (type === "bool") return value === true || value === 1 || value === 1n || value === "true" ? "true" : "false";
  if (type.startsWith("timestamp")) return String((value instanceof Date ? value : sqliteTime(value)).getTime());
  if (type === "jsonb" || type === "json") return sortedJson(typeof value === "string" ? JSON.parse(value) : value);
  if (type.startsWith("float") || type.startsWith("int") || type === "numeric") return String(Number(value));
  return String(value);
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** SHA-256 over a table's rows in primary-key order, each in canonical form. */
function checksum(rows: Record<string, unknown>[], table: Table): string {
  const keyOf = (row: Record<string, unknown>) => table.key.map((k) => canonical(row[k], typeOf(table, k))).join("\u0000");
  const hash = crypto.createHash("sha256");
  for (const row of [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0))) {
    hash.update(table.columns.map((c) => canonical(row[c.name], c.type)).join("\u0001"));
    hash.update("\u0002");
  }
  return hash.digest("hex");
}

const typeOf = (table: Table, column: string) => table.columns.find((c) => c.name === column)!.type;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Where the source newsroom's photos are, and where they go (the store this configuration uses). */
export type PhotoMove = { from: MediaStore; to: MediaStore };

export async function moveToPostgres(options: {
  sqliteFile: string;
  postgresUrl: string;
  photos?: PhotoMove;
  log?: (line: string) => void;
}): Promise<MoveReport> {
  const log = options.log ?? (() => {});
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-move-"));
  const client = new pg.Client({ connectionString: options.postgresUrl });
  await client.connect();
  try {
    log(`Taking a consistent copy of ${options.sqliteFile}…`);
    const snapshot = (await backupDatabase(work, options.sqliteFile)).file;
    const source = new Database(snapshot, { readonly: true });
    source.defaultSafeIntegers(false);
    try {
      const tables = await targetTables(client);
      const reports: TableReport[] = [];
      for (const table of tables) {
        const sourceColumns = new Set(
          (source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table.name) as { name: string }[]).map((c) => c.name),
        );
        if (sourceColumns.size === 0)
          throw new Error(`The SQLite database has no table ${table.name}: migrate it first (npm run db:migrate).`);
        const missing = table.columns.filter((c) => !sourceColumns.has(c.name));
        if (missing.length > 0)
          throw new Error(
            `${table.name} lacks ${missing.map((c) => c.name).join(", ")} in SQLite: both databases must be at the same migration.`,
          );
        const rows = source
          .prepare(`SELECT ${table.columns.map((c) => quote(c.name)).join(", ")} FROM ${quote(table.name)}`)
          .all() as Record<string, unknown>[];
        let copied = 0;
        const columnList = table.columns.map((c) => quote(c.name)).join(", ");
        for (let start = 0; start < rows.length; start += BATCH) {
          const batch = rows.slice(start, start + BATCH);
          const values: unknown[] = [];
          const tuples = batch.map((row) => {
            const placeholders = table.columns.map((c) => {
              values.push(toTarget(row[c.name], c.type));
              return `$${values.length}`;
            });
            return `(${placeholders.join(", ")})`;
          });
          const result = await client.query(
            `INSERT INTO ${quote(table.name)} (${columnList}) VALUES ${tuples.join(", ")} ON CONFLICT DO NOTHING`,
            values,
          );
          copied += result.rowCount ?? 0;
        }
        // An autoincrement key's sequence continues after the copied ids.
        for (const column of table.columns) {
          const { rows: seq } = await client.query<{ seq: string | null }>(`SELECT pg_get_serial_sequence($1, $2) AS seq`, [
            quote(table.name),
            column.name,
          ]);
          if (seq[0]?.seq)
            await client.query(
              `SELECT setval($1, GREATEST((SELECT COALESCE(MAX(${quote(column.name)}), 0) FROM ${quote(table.name)}), 1), (SELECT COUNT(*) > 0 FROM ${quote(table.name)}))`,
              [seq[0].seq],
            );
        }
        const { rows: back } = await client.query(`SELECT ${columnList} FROM ${quote(table.name)}`);
        const sourceSum = checksum(rows, table);
        const targetSum = checksum(back, table);
        const report = {
          table: table.name,
          source: rows.length,
          target: back.length,
          copied,
          checksum: sourceSum.slice(0, 16),
          same: rows.length === back.length && sourceSum === targetSum,
        };
        reports.push(report);
        log(
          `${report.same ? "ok  " : "DIFF"} ${table.name.padEnd(16)} ${String(report.source).padStart(7)} rows, ${String(copied).padStart(7)} copied now, sha256 ${report.checksum}${report.same ? "" : ` ≠ ${targetSum.slice(0, 16)} (target has ${back.length})`}`,
        );
      }
      const photos = options.photos ? await movePhotos(source, options.photos, log) : null;
      return { tables: reports, photos, ok: reports.every((r) => r.same) && (photos?.same ?? true) };
    } finally {
      source.close();
    }
  } finally {
    await client.end();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Every file of every photo, original and variants, copied where missing and compared by SHA-256.
 * A cropped photo's variants too, which readers get (named by its crop): only the uncropped ones
 * were copied, and a cropped photo's pages showed broken images on the new store.
 */
async function movePhotos(source: Database.Database, { from, to }: PhotoMove, log: (line: string) => void) {
  const images = source
    .prepare(`SELECT "storageKey", "sha256", "width", "height", "cropX", "cropY", "cropW", "cropH" FROM "Image"`)
    .all() as Parameters<typeof photoFileKeys>[0][];
  const keys = images.flatMap(photoFileKeys);
  let copied = 0;
  let same = true;
  const sha = (data: Buffer) => crypto.createHash("sha256").update(data).digest("hex");
  for (const key of keys) {
    const original = await from.get(key);
    if (!original) {
      log(`DIFF photo file ${key} is missing from the source`);
      same = false;
      continue;
    }
    let there = await to.get(key);
    if (!there) {
      await to.put(key, original);
      copied++;
      there = await to.get(key);
    }
    if (!there || sha(there) !== sha(original)) {
      log(`DIFF photo file ${key} differs in the target`);
      same = false;
    }
  }
  log(
    `${same ? "ok  " : "DIFF"} photos           ${String(keys.length).padStart(7)} files (${images.length} photos), ${copied} copied now`,
  );
  return { files: keys.length, copied, same };
}
