import { env } from "../env";

export type DatabaseProvider = "sqlite" | "postgresql";

/** Which database a URL names: `postgresql://` or `postgres://` is PostgreSQL, anything else (`file:`) SQLite. */
export function databaseProvider(url: string = env.DATABASE_URL): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** Whether this process runs on PostgreSQL (DATABASE_URL=postgresql://…). */
export const isPostgres = databaseProvider() === "postgresql";

/**
 * A string filter's case folding: SQLite's LIKE ignores ASCII case already, PostgreSQL's needs
 * `mode: "insensitive"` (ILIKE), which SQLite's client does not know. Spread into a filter.
 */
export const caseInsensitive = (isPostgres ? { mode: "insensitive" } : {}) as object;
