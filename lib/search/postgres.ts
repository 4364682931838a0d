import { db } from "../db";

/** A search hit as lib/search.ts reads it from either database. */
export type SearchRow = {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  firstPublishedAt: string | Date | null;
  sectionSlug: string | null;
  sectionName: string | null;
  snippet: string;
};

/**
 * The reader's words (letters and digits only, from toFtsQuery's rules) as a PostgreSQL tsquery:
 * every word must appear, the last one (two letters or more) also as a prefix. The words are
 * passed as a parameter and contain no tsquery operators, so nothing typed can break the syntax.
 */
export function toTsQuery(words: string[]): string | null {
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 && w.length >= 2 ? `${w.toLowerCase()}:*` : w.toLowerCase())).join(" & ");
}

/**
 * Ranked search on PostgreSQL: the generated "searchVector" column (GIN index, migration
 * 20261202000001_search_and_expiry_notify) weighs headline matches most, then the dek, then the
 * body, like FTS5's bm25 weights; the snippet is ts_headline over the body with the same marks.
 */
export async function searchPostgres(words: string[], markStart: string, markEnd: string, limit: number, offset: number) {
  const tsquery = toTsQuery(words);
  if (!tsquery) return { rows: [] as SearchRow[], total: 0 };
  const options = `StartSel=${markStart}, StopSel=${markEnd}, MaxWords=24, MinWords=12, ShortWord=2, HighlightAll=false`;
  const rows = await db.$queryRaw<SearchRow[]>`
    WITH q AS (SELECT to_tsquery('simple', dateline_unaccent(${tsquery})) AS query)
    SELECT a.id, a.slug, a.headline, a.dek, a."firstPublishedAt", s.slug AS "sectionSlug", s.name AS "sectionName",
           ts_headline('simple', a."bodyText", q.query, ${options}) AS snippet
    FROM "Article" a
    CROSS JOIN q
    LEFT JOIN "Section" s ON s.id = a."sectionId"
    WHERE a."searchVector" @@ q.query AND a.status = 'PUBLISHED'
    ORDER BY ts_rank_cd('{0.1, 0.1, 0.4, 1.0}', a."searchVector", q.query) DESC, a."firstPublishedAt" DESC NULLS LAST, a.id
    LIMIT ${limit} OFFSET ${offset}`;
  const [counted] = await db.$queryRaw<{ total: bigint | number }[]>`
    SELECT count(*) AS total FROM "Article" a
    WHERE a."searchVector" @@ to_tsquery('simple', dateline_unaccent(${tsquery})) AND a.status = 'PUBLISHED'`;
  return { rows, total: Number(counted?.total ?? 0) };
}
