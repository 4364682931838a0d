import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLatestStories, getSectionFront, getSections } from "@/lib/public-data";
import { siteName } from "@/lib/site";
import { ArticleList } from "@/components/article/article-list";

export const metadata: Metadata = { alternates: { canonical: "/", types: { "application/rss+xml": "/feed.xml" } } };

// "/" is rewritten here (next.config.js), so the front page is rendered on its first request and
// then served from the cache until a story it shows changes (tag "front"), never at build time.
// The 60 s revalidate sets the CDN's s-maxage; the origin's copy is expired by tags at once.
export const revalidate = 60;
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ edition: string }> };

export default async function FrontPage({ params }: Props) {
  // The one edition is today's, reached through "/"; any other name is an address nobody made.
  if ((await params).edition !== "today") notFound();
  const [latest, sections] = await Promise.all([getLatestStories(10), getSections()]);
  const shown = new Set(latest.map((a) => a.id));
  const bySection = await Promise.all(
    sections.map(async (s) => ({ section: s, articles: (await getSectionFront(s.slug, 8)).filter((a) => !shown.has(a.id)).slice(0, 4) })),
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
          <h2 id={`section-${section.slug}`} className="list-heading"><a href={`/${section.slug}`}>{section.name}</a></h2>
          <ArticleList articles={articles} headingLevel={3} />
        </section>
      ))}
    </main>
  );
}
