import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getPublishedArticleBySlug, resolveRedirect } from "@/lib/articles/queries";
import { ArticleView } from "@/components/article/article-view";

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
  return <ArticleView article={await loadArticle(params)} />;
}
