// Prisma CLI configuration. The schema engine runs as WebAssembly through the
// better-sqlite3 adapter, so no native engine is downloaded (DESIGN.md, "Prisma here").
import "./lib/ops/load-env";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { env } from "./lib/env";
import { createCliSqliteAdapterFactory, withScriptingShadowDb } from "./lib/db/sqlite";

// The schema's datasource names DATABASE_URL; give the CLI the same default the app uses.
process.env.DATABASE_URL = env.DATABASE_URL;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return withScriptingShadowDb(createCliSqliteAdapterFactory());
  },
});
