// npm run db:postgres:twin [-- <name>]: brings PostgreSQL in step with prisma/schema.prisma.
//
// prisma/schema.prisma (SQLite) is the one schema people edit. A Prisma schema has one provider,
// so this writes its PostgreSQL twin, prisma/postgresql/schema.prisma (provider, client output),
// then diffs the twin's migrations (prisma/postgresql/migrations) against it on a throwaway
// PostgreSQL cluster (lib/test/pg-cluster.ts: the diff replays the migrations in a shadow
// database) and writes what is missing as a new migration, named after the newest SQLite one
// unless a name is given. It then checks that the migrations reproduce the schema exactly and
// generates the PostgreSQL client (lib/generated/prisma-postgres). Run it after every schema
// change (npm run db:migration:new runs it for you when PostgreSQL is installed).
//
// `-- --check` only compares the twin's text with what it would write (no PostgreSQL needed):
// scripts/test.sh runs it, so a schema change without its twin fails the tests.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startPgCluster } from "../lib/test/pg-cluster";
import { withoutSqlManaged } from "./lib/sql-managed";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const source = path.join("prisma", "schema.prisma");
const twinDir = path.join("prisma", "postgresql");
const twin = path.join(twinDir, "schema.prisma");
const migrations = path.join(twinDir, "migrations");

/** The PostgreSQL twin of the SQLite schema's text. */
export function twinOf(schema: string): string {
  const out = schema
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-postgres"');
  if (!out.includes('provider = "postgresql"') || !out.includes("prisma-postgres"))
    throw new Error(`${source}: could not find the sqlite datasource or the client output to rewrite.`);
  return [
    "// GENERATED from prisma/schema.prisma by scripts/postgres-twin.ts (npm run db:postgres:twin).",
    "// Do not edit: edit prisma/schema.prisma and run the command again.",
    "",
    out,
  ].join("\n");
}

/** Generates the PostgreSQL client: the config picks the twin for any postgresql:// URL (nothing connects). */
function generateClient() {
  execFileSync("npx", ["prisma", "generate"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: "postgresql://generate@127.0.0.1:1/generate" },
  });
}

const expected = twinOf(fs.readFileSync(source, "utf8"));
if (process.argv.includes("--generate")) {
  // npm install (postinstall) and npm run db:generate: the client only, from the committed twin.
  generateClient();
  process.exit(0);
}
if (process.argv.includes("--check")) {
  const current = fs.existsSync(twin) ? fs.readFileSync(twin, "utf8") : "";
  if (current !== expected) {
    console.error(`${twin} is out of date with ${source}. Run: npm run db:postgres:twin`);
    process.exit(1);
  }
  console.log(`${twin} matches ${source}.`);
  process.exit(0);
}

fs.mkdirSync(migrations, { recursive: true });
fs.writeFileSync(twin, expected);
fs.writeFileSync(path.join(migrations, "migration_lock.toml"), '# Written by Prisma; do not edit.\nprovider = "postgresql"\n');

const name =
  (process.argv.slice(2).find((a) => !a.startsWith("-")) ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "") ||
  fs
    .readdirSync(path.join("prisma", "migrations"))
    .filter((d) => /^\d{14}_/.test(d))
    .sort()
    .at(-1)!
    .replace(/^\d{14}_/, "");

const cluster = await startPgCluster();
try {
  const prisma = (args: string[], database: string) =>
    execFileSync("npx", ["prisma", ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: cluster.url(database) },
    }).replace(/^Loaded Prisma config.*$/gm, "");
  const existing = fs.readdirSync(migrations).filter((d) => /^\d{14}_/.test(d));
  const diff = (database: string) =>
    prisma(
      [
        "migrate",
        "diff",
        ...(existing.length ? ["--from-migrations", migrations] : ["--from-empty"]),
        "--to-schema-datamodel",
        twin,
        "--script",
      ],
      database,
    )
      .split(/\n(?=-- )/)
      .map((b) => b.trim())
      .filter((b) => b && !b.startsWith("-- This is an empty migration"))
      .map(withoutSqlManaged)
      .filter((b): b is string => b !== null);

  cluster.createDatabase("twin");
  const blocks = diff("twin");
  if (blocks.length === 0) {
    console.log(`${migrations} matches ${twin}: no new migration.`);
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrations, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), `${blocks.join("\n\n")}\n`);
    console.log(`Wrote ${dir}/migration.sql (review it and commit it with the SQLite migration).`);
    existing.push(path.basename(dir));
  }

  // The migrations must apply to an empty database, and replayed (in the diff's shadow database) give exactly the schema.
  cluster.createDatabase("verify");
  prisma(["migrate", "deploy"], "verify");
  const left = diff("verify");
  if (left.length > 0) throw new Error(`The PostgreSQL migrations do not reproduce ${twin}; still missing:\n${left.join("\n\n")}`);
  console.log("The PostgreSQL migrations apply cleanly and reproduce the schema.");
} finally {
  cluster.stop();
}

generateClient();
