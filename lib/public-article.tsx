import { renderToStaticMarkup } from "react-dom/server";
import type { ReactNode } from "react";
import type { Figure, PublicArticle } from "./articles/dto";
import { readPublishedArticle, readRedirect, readRelatedArticles, readSections } from "./articles/public-reads";
import { readConsistently } from "./db/read-only";
import { PUBLIC_CACHE_CONTROL } from "./cache-tags";
import { absoluteUrl, pageTitle, siteName, THEME_COLOR } from "./site";
import { breadcrumbJsonLd, newsArticleJsonLd } from "./seo/structured-data";
import { stylesheet } from "./stylesheet";
import { RESERVED_SECTION_SLUGS } from "./sections";
import { SLUG_PATTERN } from "./slug";
import { ArticleView } from "../components/article/article-view";
import { JsonLd } from "../components/seo/json-ld";
import { NotFoundMessage, SiteChrome } from "../components/site/site-chrome";

/**
 * The public article page, rendered straight to HTML: a story's reads are a handful of SQL
 * statements (articles/public-reads.ts) and the page is the same React components the editors'
 * preview uses, rendered once to static markup. No RSC payload and no scripts: the page needs
 * none. It costs well under a millisecond where Next's page renderer cost about 12 (BENCHMARKS.md).
 *
 * Served by scripts/server.ts (in production and in `npm run dev`), in front of Next.js, which has
 * no route for these addresses: Next bundles app/ code for React Server Components, where
 * react-dom/server may not be imported.
 */
export type PageResponse = { status: number; headers: Record<string, string>; body: string | Buffer };

type Article = PublicArticle & { figures: Map<string, Figure> };

/**
 * The section and slug of a story's address (/<section>/<slug>, or /news/<slug> for a story with
 * no section), or null for every other address. The site's own top-level addresses (app/) are
 * reserved section slugs, which public-article.test.ts holds to.
 */
export function articleAddress(pathname: string): { section: string; slug: string } | null {
  const m = /^\/([^/]+)\/([^/]+)$/.exec(pathname);
  if (!m) return null;
  const [, section, slug] = m as unknown as [string, string, string];
  if (!SLUG_PATTERN.test(section) || !SLUG_PATTERN.test(slug)) return null;
  if (section !== "news" && RESERVED_SECTION_SLUGS.includes(section)) return null;
  return { section, slug };
}

/** The answer for /<section>/<slug>: the story, a 308 to where it lives now, or "not found". */
export function articleResponse(section: string, slug: string): PageResponse {
  return readConsistently(() => renderArticle(section, slug));
}

function renderArticle(section: string, slug: string): PageResponse {
  const article = readPublishedArticle(slug);
  if (!article) {
    const moved = readRedirect(slug);
    return moved ? redirect(moved) : notFoundResponse();
  }
  if (article.path !== `/${section}/${slug}`) return redirect(article.path);
  const html = document(
    <>
      <title>{pageTitle(article.seoTitle || article.headline)}</title>
      <ArticleMeta article={article} />
    </>,
    <>
      <JsonLd data={newsArticleJsonLd(article)} />
      <JsonLd data={breadcrumbJsonLd(article)} />
      <ArticleView article={article} related={readRelatedArticles(article)} />
    </>,
  );
  return { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": PUBLIC_CACHE_CONTROL }, body: html };
}

/** A public "Page not found", with the masthead, kept out of search engines. */
export function notFoundResponse(): PageResponse {
  const html = document(
    <>
      <title>{pageTitle("Page not found")}</title>
      <meta name="robots" content="noindex" />
    </>,
    <NotFoundMessage />,
  );
  return { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" }, body: html };
}

function redirect(location: string): PageResponse {
  return { status: 308, headers: { location, "cache-control": PUBLIC_CACHE_CONTROL }, body: "" };
}

/** The whole page: the root layout's head, the public layout's masthead and footer around `main`. */
function document(head: ReactNode, main: ReactNode): string {
  return (
    "<!DOCTYPE html>" +
    renderToStaticMarkup(
      <html lang="en">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <link rel="stylesheet" href={stylesheet().href} />
          <meta name="theme-color" content={THEME_COLOR} />
          {head}
        </head>
        <body>
          <SiteChrome siteName={siteName()} sections={readSections()}>{main}</SiteChrome>
        </body>
      </html>,
    )
  );
}

/** Title, description, canonical address, and the Open Graph and Twitter cards with the hero photo. */
function ArticleMeta({ article }: { article: Article }) {
  const title = article.seoTitle || article.headline;
  const hero = article.hero;
  const og = (property: string, content: string | number | undefined | null) =>
    content == null || content === "" ? null : <meta key={`${property}:${content}`} property={property} content={String(content)} />;
  const twitter = (name: string, content: string | undefined | null) => (content ? <meta name={`twitter:${name}`} content={content} /> : null);
  return (
    <>
      <meta name="description" content={article.description} />
      <link rel="canonical" href={article.canonicalUrl || absoluteUrl(article.path)} />
      {og("og:title", title)}
      {og("og:description", article.description)}
      {og("og:url", absoluteUrl(article.path))}
      {og("og:site_name", siteName())}
      {hero ? (
        <>
          {og("og:image", absoluteUrl(hero.src))}
          {og("og:image:width", hero.width)}
          {og("og:image:height", hero.height)}
          {og("og:image:alt", hero.alt)}
        </>
      ) : null}
      {og("og:type", "article")}
      {og("article:published_time", article.publishedAt?.toISOString())}
      {og("article:modified_time", (article.updatedAt ?? article.publishedAt)?.toISOString())}
      {article.authors.map((a) => og("article:author", absoluteUrl(`/authors/${a.slug}`)))}
      {og("article:section", article.section?.name)}
      {article.tags.map((t) => og("article:tag", t.name))}
      {twitter("card", hero ? "summary_large_image" : "summary")}
      {twitter("title", title)}
      {twitter("description", article.description)}
      {twitter("image", hero ? absoluteUrl(hero.src) : null)}
    </>
  );
}
