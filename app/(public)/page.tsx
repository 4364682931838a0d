import type { Metadata } from "next";
import Link from "next/link";
import { listPublishedArticles } from "@/lib/articles/queries";
import { listSections } from "@/lib/sections";
import { siteName } from "@/lib/site";
import { ArticleList } from "@/components/article/article-list";

export const metadata: Metadata = { alternates: { canonical: "/", types: { "application/rss+xml": "/feed.xml" } } };

export default async function FrontPage() {
  const [latest, sections] = await Promise.all([listPublishedArticles({ limit: 10 }), listSections()]);
  const shown = new Set(latest.map((a) => a.id));
  const bySection = await Promise.all(
    sections.map(async (s) => ({ section: s, articles: (await listPublishedArticles({ sectionSlug: s.slug, limit: 8 })).filter((a) => !shown.has(a.id)).slice(0, 4) })),
  );
  return (
    <main id="main" className="page">
      <h1 className="visually-hidden">{siteName()}: latest news</h1>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="visually-hidden">Latest</h2>
        <ArticleList articles={latest} lead headingLevel={3} empty="Nothing has been published yet." />
      </section>
      {bySection.filter((b) => b.articles.length > 0).map(({ section, articles }) => (
        <section key={section.id} className="front-section" aria-labelledby={`section-${section.slug}`}>
          <h2 id={`section-${section.slug}`} className="list-heading"><Link href={`/${section.slug}`}>{section.name}</Link></h2>
          <ArticleList articles={articles} headingLevel={3} />
        </section>
      ))}
    </main>
  );
}
