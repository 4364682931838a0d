import { db, isPostgres } from "../db";
import { articlePath } from "../articles/dto";
import { searchPostgres, type SearchRow } from "./postgres";

export const SEARCH_PAGE_SIZE = 20;
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/**
 * A reader's words as an FTS5 query: letters and digits only, each a quoted term that must
 * appear, the last also as a prefix. Quotes, operators, brackets and emoji never reach the
 * query syntax, so nothing a reader types can make it fail or match everything.
 */
export function toFtsQuery(input: string): string | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 && w.length >= 2 ? `"${w}"*` : `"${w}"`)).join(" ");
}

/** The words of a reader's query: letters and digits only, at most 12 of 40 characters. */
function searchWords(input: string): string[] {
  return (input.normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map((w) => w.slice(0, 40));
}

/** Ranked search over published stories' headline, dek and body, with highlighted snippets. */
export async function searchArticles(rawQuery: string, page = 1) {
  const fts = toFtsQuery(rawQuery);
  if (!fts) return { results: [], total: 0, page, pages: 0 };
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const { rows, total: count } = isPostgres
    ? await searchPostgres(searchWords(rawQuery), MARK_START, MARK_END, SEARCH_PAGE_SIZE, offset)
    : await searchSqlite(fts, offset);
  return {
    results: rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      dek: r.dek,
      path: articlePath({ slug: r.slug, section: r.sectionSlug ? { slug: r.sectionSlug } : null }),
      section: r.sectionName,
      publishedAt: r.firstPublishedAt ? new Date(r.firstPublishedAt) : null,
      snippet: r.snippet,
    })),
    total: count,
    page,
    pages: Math.ceil(count / SEARCH_PAGE_SIZE),
  };
}

/** FTS5 (migration 20261126010000_article_search). */
async function searchSqlite(fts: string, offset: number): Promise<{ rows: SearchRow[]; total: number }> {
  // Headline matches weigh most, then the dek, then the body (bm25: lower is better).
  const rows = await db.$queryRaw<SearchRow[]>`
    SELECT a.id, a.slug, a.headline, a.dek, a.firstPublishedAt, s.slug AS sectionSlug, s.name AS sectionName,
           snippet("ArticleSearch", 2, ${MARK_START}, ${MARK_END}, '…', 24) AS snippet
    FROM "ArticleSearch"
    JOIN "Article" a ON a.rowid = "ArticleSearch".rowid
    LEFT JOIN "Section" s ON s.id = a.sectionId
    WHERE "ArticleSearch" MATCH ${fts} AND a.status = 'PUBLISHED'
    ORDER BY bm25("ArticleSearch", 10.0, 4.0, 1.0), a.firstPublishedAt DESC
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`;
  const [counted] = await db.$queryRaw<{ total: bigint | number }[]>`
    SELECT count(*) AS total FROM "ArticleSearch" JOIN "Article" a ON a.rowid = "ArticleSearch".rowid
    WHERE "ArticleSearch" MATCH ${fts} AND a.status = 'PUBLISHED'`;
  return { rows, total: Number(counted?.total ?? 0) };
}
