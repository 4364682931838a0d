import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getStoryPage, getTag } from "@/lib/public-data";
import { ArticleList } from "@/components/article/article-list";
import { Pagination } from "@/components/article/pagination";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await getTag((await params).slug);
  return tag ? { title: tag.name, alternates: { canonical: `/tags/${tag.slug}` } } : {};
}

export default async function TagPage({ params, searchParams }: Props) {
  const tag = await getTag((await params).slug);
  if (!tag) notFound();
  const { articles, page, pages } = await getStoryPage({ tagSlug: tag.slug }, (await searchParams).page);
  return (
    <main id="main" className="page">
      <p className="kicker">Tag</p>
      <h1 className="section-title">{tag.name}</h1>
      <ArticleList articles={articles} empty="No published stories with this tag yet." />
      <Pagination basePath={`/tags/${tag.slug}`} page={page} pages={pages} />
    </main>
  );
}
