import { db, isPostgres } from "../db";
import { articlePath } from "../articles/dto";
import { searchPostgres, type SearchRow } from "./postgres";

export const SEARCH_PAGE_SIZE = 20;
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/** One term of a reader's query: a word, or words in quotation marks that must appear together, in that order. */
export type SearchTerm = { words: string[]; phrase: boolean };

const MAX_WORDS = 12;
/** The quotation marks a reader may put around a phrase (straight, curly, low, guillemets). */
export const QUOTATION_MARKS = `"“”„‟«»`;
const QUOTES = new RegExp(`[${QUOTATION_MARKS}]`, "g");

/**
 * The terms of a reader's query: letters and digits only, at most 12 words of 40 characters.
 * Words between quotation marks (straight or curly) are a phrase, as readers hunting a quote
 * expect: "we will not leave" finds the quote, not the four words apart; one word in them is that
 * word, not a prefix. A quotation mark not yet closed leaves the words after it as words.
 */
export function searchTerms(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let count = 0;
  const segments = input.normalize("NFKC").replace(QUOTES, '"').split('"');
  segments.forEach((segment, i) => {
    const words = (segment.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS - count).map((w) => w.slice(0, 40));
    count += words.length;
    // Between two quotation marks; a quote still being typed (unclosed) is words, the last a prefix.
    const quoted = i % 2 === 1 && (i < segments.length - 1 || segments.length % 2 === 1);
    if (quoted && words.length > 0) terms.push({ words, phrase: true });
    else for (const word of words) terms.push({ words: [word], phrase: false });
  });
  return terms;
}

/**
 * A reader's query as an FTS5 query: each word a quoted term that must appear, each phrase a
 * quoted phrase, the last word (not in a phrase) also as a prefix. Quotes, operators, brackets and
 * emoji never reach the query syntax, so nothing a reader types can make it fail or match everything.
 */
export function toFtsQuery(input: string): string | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  return terms
    .map(({ words, phrase }, i) => {
      const quoted = `"${words.join(" ")}"`;
      return !phrase && i === terms.length - 1 && words[0]!.length >= 2 ? `${quoted}*` : quoted;
    })
    .join(" ");
}

/** Ranked search over published stories' headline, dek and body, with highlighted snippets. */
export async function searchArticles(rawQuery: string, page = 1) {
  const fts = toFtsQuery(rawQuery);
  if (!fts) return { results: [], total: 0, page, pages: 0 };
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const { rows, total: count } = isPostgres
    ? await searchPostgres(searchTerms(rawQuery), MARK_START, MARK_END, SEARCH_PAGE_SIZE, offset)
    : await searchSqlite(fts, offset);
  return {
    results: rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      dek: r.dek,
      language: r.language,
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
    SELECT a.id, a.slug, a.headline, a.dek, a.language, a.firstPublishedAt, s.slug AS sectionSlug, s.name AS sectionName,
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
