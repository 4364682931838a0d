// Prisma CLI configuration. The schema engine runs as WebAssembly through a driver adapter, so no
// native engine is downloaded (DESIGN.md, "Prisma here"). DATABASE_URL chooses the database:
// a `file:` URL is SQLite (prisma/schema.prisma, prisma/migrations), a `postgresql://` URL is
// PostgreSQL (the generated twin prisma/postgresql/schema.prisma and its own migrations; see
// scripts/postgres-twin.ts). `npx prisma generate` without a URL generates the SQLite client;
// `npm run db:generate` generates both.
import "./lib/ops/load-env";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { env } from "./lib/env";
import { databaseProvider } from "./lib/db/provider";
import { createCliSqliteAdapterFactory, withScriptingShadowDb } from "./lib/db/sqlite";
import { createCliPostgresAdapterFactory } from "./lib/db/postgres";

// The schema's datasource names DATABASE_URL; give the CLI the same default the app uses.
process.env.DATABASE_URL = env.DATABASE_URL;
const postgres = databaseProvider(env.DATABASE_URL) === "postgresql";
const folder = postgres ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  schema: path.join(folder, "schema.prisma"),
  migrations: {
    path: path.join(folder, "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return postgres ? createCliPostgresAdapterFactory(env.DATABASE_URL) : withScriptingShadowDb(createCliSqliteAdapterFactory());
  },
});
