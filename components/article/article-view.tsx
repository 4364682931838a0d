import type { ArticleCard, Figure, PublicArticle } from "@/lib/articles/dto";
import { ArticleFigure } from "./article-figure";
import { BodyRenderer } from "./body-renderer";
import { Byline } from "./byline";
import { CorrectionList } from "./correction-list";
import { SourceList } from "./source-list";
import { Timestamp } from "./timestamp";
import { ownLanguage, storyLanguage } from "@/lib/articles/language";

/**
 * A story as readers see it; the public page and the editors' preview both render this. The story
 * is marked in its language (its own, else `language`, the newsroom's setting), inside a page whose
 * own words are English (WCAG 3.1.2): the labels within it (times, "By", "Photo:", "Sources") say
 * they are English. Related stories are listed in the newsroom's language, each in its own if another.
 */
type Props = {
  article: PublicArticle & { figures: Map<string, Figure> };
  timeZone: string;
  language: string;
  related?: ArticleCard[];
  as?: "main" | "div";
};

export function ArticleView({ article, timeZone, language, related = [], as: Wrapper = "main" }: Props) {
  const updated =
    article.updatedAt && article.publishedAt && article.updatedAt.getTime() - article.publishedAt.getTime() > 60_000
      ? article.updatedAt
      : null;
  // The newsroom's names (its section, its tags) are the site's words, also in a story of another language.
  const siteWords = ownLanguage(article, language) ? language : undefined;
  return (
    <Wrapper id={Wrapper === "main" ? "main" : undefined} className="page article-page">
      <article lang={storyLanguage(article, { language })}>
        <header className="article-header">
          {article.section ? (
            <p className="kicker" lang={siteWords}>
              <a href={`/${article.section.slug}`}>{article.section.name}</a>
            </p>
          ) : null}
          <h1 dir="auto">{article.headline}</h1>
          {article.dek ? (
            <p className="dek" dir="auto">
              {article.dek}
            </p>
          ) : null}
          <Byline authors={article.authors} />
          <p className="times" lang="en">
            {article.publishedAt ? <Timestamp label="Published" date={article.publishedAt} timeZone={timeZone} /> : null}
            {updated ? <Timestamp label="Updated" date={updated} timeZone={timeZone} /> : null}
          </p>
        </header>
        {article.hero ? <ArticleFigure figure={article.hero} priority /> : null}
        <BodyRenderer body={article.body} figures={article.figures} dateline={article.dateline} />
        <SourceList sources={article.sources} timeZone={timeZone} />
        <CorrectionList corrections={article.corrections} timeZone={timeZone} />
        {article.tags.length > 0 ? (
          <ul className="tags" aria-label="Tags" lang={siteWords}>
            {article.tags.map((t) => (
              <li key={t.slug}>
                <a href={`/tags/${t.slug}`}>{t.name}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </article>
      {related.length > 0 ? (
        <aside className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">Related stories</h2>
          <ul className="related-list" lang={language}>
            {related.map((r) => (
              <li key={r.id} dir="auto" lang={ownLanguage(r, language)}>
                <a href={r.path}>{r.headline}</a>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </Wrapper>
  );
}
