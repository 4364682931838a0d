import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSection, getStoryPage } from "@/lib/public-data";
import { ArticleList } from "@/components/article/article-list";
import { Pagination } from "@/components/article/pagination";

type Props = { params: Promise<{ section: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSection((await params).section);
  return section
    ? { title: section.name, description: section.description ?? undefined, alternates: { canonical: `/${section.slug}`, types: { "application/rss+xml": `/${section.slug}/feed.xml` } } }
    : {};
}

export default async function SectionPage({ params, searchParams }: Props) {
  const section = await getSection((await params).section);
  if (!section) notFound();
  const { articles, page, pages } = await getStoryPage({ sectionSlug: section.slug }, (await searchParams).page);
  return (
    <main id="main" className="page">
      <h1 className="section-title">{section.name}</h1>
      {section.description ? <p className="dek">{section.description}</p> : null}
      <ArticleList articles={articles} empty="No stories in this section yet." />
      <Pagination basePath={`/${section.slug}`} page={page} pages={pages} />
    </main>
  );
}
