import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getRelatedStories, getStory, getStoryRedirect } from "@/lib/public-data";
import { breadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/structured-data";
import { absoluteUrl, siteName } from "@/lib/site";
import { JsonLd } from "@/components/seo/json-ld";
import { ArticleView } from "@/components/article/article-view";

type Props = { params: Promise<{ section: string; slug: string }> };

// Rendered on a story's first request, then cached until it changes (tag story:<slug>). The 60 s
// revalidate only sets the CDN's s-maxage; the origin's copy is expired by tags the moment it changes.
export const revalidate = 60;
export const generateStaticParams = async () => [];

/** The story, or a 308 to where it lives now; drafts and unpublished stories are simply not found. */
async function loadArticle(params: Props["params"]) {
  const { section, slug } = await params;
  const article = await getStory(slug);
  if (!article) {
    const moved = await getStoryRedirect(slug);
    if (moved) permanentRedirect(moved);
    notFound();
  }
  if (article.section?.slug !== section) permanentRedirect(article.path);
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // No notFound() or redirect here: thrown from the metadata, Next.js answers with an error shell
  // that only JavaScript can fill, and public pages run none. The page itself throws them.
  const { section, slug } = await params;
  const article = await getStory(slug);
  if (!article || article.section?.slug !== section) return { title: "Page not found", robots: { index: false } };
  const title = article.seoTitle || article.headline;
  const images = article.hero ? [{ url: article.hero.src, width: article.hero.width, height: article.hero.height, alt: article.hero.alt }] : undefined;
  return {
    title,
    description: article.description,
    alternates: { canonical: article.canonicalUrl || article.path },
    openGraph: {
      type: "article",
      title,
      description: article.description,
      url: article.path,
      siteName: siteName(),
      images,
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: (article.updatedAt ?? article.publishedAt)?.toISOString(),
      section: article.section?.name,
      authors: article.authors.map((a) => absoluteUrl(`/authors/${a.slug}`)),
      tags: article.tags.map((t) => t.name),
    },
    twitter: { card: images ? "summary_large_image" : "summary", title, description: article.description, images: images?.map((i) => i.url) },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle(params);
  const related = await getRelatedStories({ id: article.id, section: article.section, tags: article.tags });
  return (
    <>
      <JsonLd data={newsArticleJsonLd(article)} />
      <JsonLd data={breadcrumbJsonLd(article)} />
      <ArticleView article={article} related={related} />
    </>
  );
}
