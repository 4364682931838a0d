/** Statements the diff proposes that would undo the SQL-managed search column, its index and the expiry trigger. */
const SQL_MANAGED = /"searchVector"|Article_searchVector_idx|dateline_cache_expiry|dateline_unaccent|CacheTagExpiry_notify/;

/**
 * A diff block without what undoes the SQL-managed objects; null when nothing else is left. An
 * ALTER TABLE keeps its other clauses: the diff puts a new Article column in the same statement
 * as dropping "searchVector", and dropping the whole block lost the column (it did, once).
 */
export function withoutSqlManaged(block: string): string | null {
  if (!SQL_MANAGED.test(block)) return block;
  const alter = /^(-- AlterTable\n)?(ALTER TABLE "[^"]+" )([\s\S]*);$/.exec(block);
  if (!alter) return null;
  const kept = alter[3]!.split(/,\n/).filter((clause) => !SQL_MANAGED.test(clause));
  return kept.length ? `${alter[1] ?? ""}${alter[2]}${kept.join(",\n")};` : null;
}
