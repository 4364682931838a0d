import { db } from "../db";
import type { SearchTerm } from "./queries";

/** A search hit as lib/search.ts reads it from either database. */
export type SearchRow = {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  /** The story's own language, or null: the site's. */
  language: string | null;
  firstPublishedAt: string | Date | null;
  sectionSlug: string | null;
  sectionName: string | null;
  snippet: string;
};

/**
 * The reader's terms (letters and digits only: lib/search/queries.ts searchTerms) as a PostgreSQL
 * tsquery: every word must appear, a phrase's words one after another (`<->`), the last word (two
 * letters or more, not in a phrase) also as a prefix. The query is passed as a parameter and its
 * words contain no tsquery operators, so nothing typed can break the syntax.
 */
export function toTsQuery(terms: SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms
    .map(({ words, phrase }, i) => {
      const lower = words.map((w) => w.toLowerCase());
      if (phrase) return `(${lower.join(" <-> ")})`;
      return i === terms.length - 1 && lower[0]!.length >= 2 ? `${lower[0]}:*` : lower[0];
    })
    .join(" & ");
}

/**
 * Ranked search on PostgreSQL: the generated "searchVector" column (GIN index, migration
 * 20261202000001_search_and_expiry_notify) weighs headline matches most, then the dek, then the
 * body, like FTS5's bm25 weights; the snippet is ts_headline over the body with the same marks.
 */
export async function searchPostgres(terms: SearchTerm[], markStart: string, markEnd: string, limit: number, offset: number) {
  const tsquery = toTsQuery(terms);
  if (!tsquery) return { rows: [] as SearchRow[], total: 0 };
  const options = `StartSel=${markStart}, StopSel=${markEnd}, MaxWords=24, MinWords=12, ShortWord=2, HighlightAll=false`;
  const rows = await db.$queryRaw<SearchRow[]>`
    WITH q AS (SELECT to_tsquery('simple', dateline_unaccent(${tsquery})) AS query)
    SELECT a.id, a.slug, a.headline, a.dek, a.language, a."firstPublishedAt", s.slug AS "sectionSlug", s.name AS "sectionName",
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
