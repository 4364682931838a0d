import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listPublishedArticles } from "@/lib/articles/queries";
import { getSectionBySlug } from "@/lib/sections";
import { ArticleList } from "@/components/article/article-list";

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSectionBySlug((await params).section);
  return section ? { title: section.name, description: section.description ?? undefined } : {};
}

export default async function SectionPage({ params }: Props) {
  const section = await getSectionBySlug((await params).section);
  if (!section) notFound();
  const articles = await listPublishedArticles({ sectionSlug: section.slug, limit: 30 });
  return (
    <main id="main" className="page">
      <h1 className="section-title">{section.name}</h1>
      {section.description ? <p className="dek">{section.description}</p> : null}
      <ArticleList articles={articles} empty="No stories in this section yet." />
    </main>
  );
}
