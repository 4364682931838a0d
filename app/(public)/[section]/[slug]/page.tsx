import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getPublishedArticleBySlug, resolveRedirect } from "@/lib/articles/queries";
import { ArticleFigure } from "@/components/article/article-figure";
import { BodyRenderer } from "@/components/article/body-renderer";
import { Byline } from "@/components/article/byline";
import { CorrectionList } from "@/components/article/correction-list";
import { SourceList } from "@/components/article/source-list";
import { Timestamp } from "@/components/article/timestamp";

type Props = { params: Promise<{ section: string; slug: string }> };

/** The story, or a 308 to where it lives now; drafts and unpublished stories are simply not found. */
async function loadArticle(params: Props["params"]) {
  const { section, slug } = await params;
  const article = await getPublishedArticleBySlug(slug);
  if (!article) {
    const moved = await resolveRedirect(slug);
    if (moved) permanentRedirect(moved);
    notFound();
  }
  if (article.section?.slug !== section) permanentRedirect(article.path);
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle(params);
  return {
    title: article.seoTitle || article.headline,
    description: article.description,
    alternates: { canonical: article.canonicalUrl || article.path },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle(params);
  const updated =
    article.updatedAt && article.publishedAt && article.updatedAt.getTime() - article.publishedAt.getTime() > 60_000
      ? article.updatedAt
      : null;
  return (
    <main id="main" className="page article-page">
      <article>
        <header className="article-header">
          {article.section ? <p className="kicker"><a href={`/${article.section.slug}`}>{article.section.name}</a></p> : null}
          <h1>{article.headline}</h1>
          {article.dek ? <p className="dek">{article.dek}</p> : null}
          <Byline authors={article.authors} />
          <p className="times">
            {article.publishedAt ? <Timestamp label="Published" date={article.publishedAt} /> : null}
            {updated ? <Timestamp label="Updated" date={updated} /> : null}
          </p>
        </header>
        {article.hero ? <ArticleFigure figure={article.hero} priority /> : null}
        {article.dateline ? <p className="dateline">{article.dateline}</p> : null}
        <BodyRenderer body={article.body} figures={article.figures} />
        <SourceList sources={article.sources} />
        <CorrectionList corrections={article.corrections} />
        {article.tags.length > 0 ? (
          <ul className="tags" aria-label="Tags">
            {article.tags.map((t) => <li key={t.slug}>{t.name}</li>)}
          </ul>
        ) : null}
      </article>
    </main>
  );
}
