import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getRelatedStories, getSiteSettings, getStory, getStoryRedirect } from "@/lib/cache/public-data";
import { openGraphLocale } from "@/lib/settings/language";
import { storyLanguage } from "@/lib/articles/language";
import { breadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/structured-data";
import { absoluteUrl } from "@/lib/seo/site";
import { feedAlternates } from "@/lib/feeds/rss";
import { JsonLd } from "@/components/seo/json-ld";
import { ArticleView } from "@/components/article/article-view";
import { redirectOldAddress } from "@/lib/import/old-address";

type Props = { params: Promise<{ section: string; slug: string }> };

// Rendered per request from cached reads (lib/cache/public-data.ts, expired by the story's tags). The
// page itself is kept by the HTTP cache in front (lib/cache/http-policy.ts), never by Next's route
// cache: that one would also keep a 404 for every address a reader invents (and answers it with an
// empty shell that only JavaScript fills, vercel/next.js#95613).
export const dynamic = "force-dynamic";

/** The story, or a 308 to where it lives now; drafts and unpublished stories are simply not found. */
async function loadArticle(params: Props["params"]) {
  const { section, slug } = await params;
  const article = await getStory(slug);
  if (!article) {
    const moved = await getStoryRedirect(slug);
    if (moved) permanentRedirect(moved);
    // An imported site's old address (/category/x, /tag/y, /2024/slug) that no live page has.
    await redirectOldAddress(`/${section}/${slug}`);
    notFound();
  }
  if (article.path !== `/${section}/${slug}`) permanentRedirect(article.path);
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The page itself answers not-found and redirects; the metadata only describes a story that exists.
  const { slug } = await params;
  const [article, site] = await Promise.all([getStory(slug), getSiteSettings()]);
  const { siteName } = site;
  if (!article) return { title: "Page not found", robots: { index: false } };
  const title = article.seoTitle || article.headline;
  const hero = article.hero;
  const images = hero ? [{ url: hero.src, ...hero.srcSize, alt: hero.alt }] : undefined;
  return {
    title,
    description: article.description,
    alternates: { canonical: article.canonicalUrl || absoluteUrl(article.path), types: feedAlternates(siteName, article.section) },
    openGraph: {
      type: "article",
      title,
      description: article.description,
      url: absoluteUrl(article.path),
      siteName,
      locale: openGraphLocale(storyLanguage(article, site)),
      images,
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: (article.updatedAt ?? article.publishedAt)?.toISOString(),
      section: article.section?.name,
      authors: article.authors.map((a) => absoluteUrl(`/authors/${a.slug}`)),
      tags: article.tags.map((t) => t.name),
    },
    twitter: {
      card: images ? "summary_large_image" : "summary",
      title,
      description: article.description,
      images: images?.map((i) => i.url),
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle(params);
  const [related, site] = await Promise.all([
    getRelatedStories({ id: article.id, section: article.section, tags: article.tags }),
    getSiteSettings(),
  ]);
  return (
    <>
      <JsonLd data={newsArticleJsonLd(article, site.siteName, site.language)} />
      <JsonLd data={breadcrumbJsonLd(article, site.siteName)} />
      <ArticleView article={article} timeZone={site.timeZone} language={site.language} related={related} />
    </>
  );
}
