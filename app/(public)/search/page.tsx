import type { Metadata } from "next";
import { QUOTATION_MARKS, searchArticles } from "@/lib/search/queries";
import { SEARCH_QUERY_MAX, searchQuerySchema } from "@/lib/search/schema";
import { getSiteSettings } from "@/lib/cache/public-data";
import { HighlightedSnippet } from "@/components/article/highlighted-snippet";
import { Timestamp } from "@/components/article/timestamp";
import { ownLanguage } from "@/lib/articles/language";
import { PageLinks } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true } };

// Results depend on the query: rendered per request, never at build time.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const { q, shortened, page } = searchQuerySchema.parse(await searchParams);
  const { results, total, pages } = q.trim() ? await searchArticles(q, page) : { results: [], total: 0, pages: 0 };
  const { timeZone, language } = await getSiteSettings();
  const href = (n: number) => `/search?${new URLSearchParams({ q, page: String(n) })}`;
  return (
    <main id="main" className="page narrow-wide">
      <h1 className="section-title">Search</h1>
      <form method="get" action="/search" role="search" className="search-form">
        <label htmlFor="search-q" className="visually-hidden">
          Search stories
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={SEARCH_QUERY_MAX}
          placeholder="Search headlines and stories"
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {q.trim() ? (
        <p className="muted" role="status">
          {shortened ? `Searches take up to ${SEARCH_QUERY_MAX} characters; the first ${SEARCH_QUERY_MAX} were searched. ` : null}
          {total === 0 ? `No stories match ${quoted(q)}.` : `${total} ${total === 1 ? "story matches" : "stories match"} ${quoted(q)}.`}
        </p>
      ) : null}
      <ol className="search-results" lang={language}>
        {results.map((r) => (
          <li key={r.id} lang={ownLanguage(r, language)}>
            {r.section ? (
              <p className="kicker" lang={ownLanguage(r, language) ? language : undefined}>
                {r.section}
              </p>
            ) : null}
            <h2 dir="auto">
              <a href={r.path}>{r.headline}</a>
            </h2>
            <HighlightedSnippet snippet={r.snippet || r.dek} />
            {r.publishedAt ? (
              <p className="meta">
                <Timestamp date={r.publishedAt} timeZone={timeZone} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <PageLinks page={page} pages={pages} href={href} label="More results" previous="← Previous" next="Next →" />
    </main>
  );
}

/** The reader's query in quotation marks, unless it has its own (a phrase: it read “"We will not leave"”). */
const quoted = (q: string) => ([...QUOTATION_MARKS].some((mark) => q.includes(mark)) ? q : `“${q}”`);
