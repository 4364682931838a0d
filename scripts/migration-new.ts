// npm run db:migration:new -- <name>: writes a migration for the changes in prisma/schema.prisma
// (migrations → schema diff), then applies it, then writes the PostgreSQL twin's migration
// (npm run db:postgres:twin). The FTS5 search index is managed by SQL, not by
// the schema, so the diff's statements that would drop it are left out. `prisma migrate dev`
// cannot be used for this: it would drop the index (and Prisma 6.19's externalTables crashes
// with the WebAssembly engine).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration:new -- <name>   e.g. add_article_kicker");
  process.exit(2);
}
const npx = (args: string[]) => execFileSync("npx", args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

const diff = npx([
  "prisma",
  "migrate",
  "diff",
  "--from-migrations",
  "prisma/migrations",
  "--to-schema-datamodel",
  "prisma/schema.prisma",
  "--script",
]);
const blocks = diff
  .split(/\n(?=-- )/)
  .map((b) => b.replace(/^Loaded Prisma config.*$/gm, "").trim())
  .filter((b) => b && !b.startsWith("-- This is an empty migration") && !/"ArticleSearch/.test(b));
if (blocks.length === 0) {
  console.log("prisma/schema.prisma matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), `${blocks.join("\n\n")}\n`);
console.log(`Wrote ${dir}/migration.sql. Review it, then it is applied to your local database:`);
execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
execFileSync("npx", ["prisma", "generate"], { stdio: "inherit" });

// The PostgreSQL twin and its migration (scripts/postgres-twin.ts), on a throwaway cluster.
const { findPgBin } = await import("../lib/ops/pg-tools");
if (findPgBin()) {
  execFileSync("npx", ["tsx", "scripts/postgres-twin.ts", name], { stdio: "inherit" });
} else {
  console.log("PostgreSQL is not installed here: run npm run db:postgres:twin where it is, and commit its migration too.");
}
