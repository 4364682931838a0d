import type { Metadata } from "next";
import { getLatestStories, getSectionFront, getSections, getSiteSettings } from "@/lib/cache/public-data";
import { ArticleList } from "@/components/article/article-list";

export const metadata: Metadata = { alternates: { canonical: "/", types: { "application/rss+xml": "/feed.xml" } } };

// Rendered per request from cached reads (tags "front", "sections" and each section's), never at
// build time, when the newsroom's database may not exist yet. The HTTP cache in front (the
// in-process one of `npm start`, Varnish or a CDN) keeps the page itself.
export const dynamic = "force-dynamic";

export default async function FrontPage() {
  const [latest, sections, { siteName, timeZone }] = await Promise.all([getLatestStories(10), getSections(), getSiteSettings()]);
  const shown = new Set(latest.map((a) => a.id));
  const bySection = await Promise.all(
    sections.map(async (s) => ({ section: s, articles: (await getSectionFront(s.slug, 8)).filter((a) => !shown.has(a.id)).slice(0, 4) })),
  );
  return (
    <main id="main" className="page">
      <h1 className="visually-hidden">{siteName}: latest news</h1>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="visually-hidden">
          Latest
        </h2>
        <ArticleList articles={latest} timeZone={timeZone} lead headingLevel={3} empty="Nothing has been published yet." />
      </section>
      {bySection
        .filter((b) => b.articles.length > 0)
        .map(({ section, articles }) => (
          <section key={section.id} className="front-section" aria-labelledby={`section-${section.slug}`}>
            <h2 id={`section-${section.slug}`} className="list-heading">
              <a href={`/${section.slug}`}>{section.name}</a>
            </h2>
            <ArticleList articles={articles} timeZone={timeZone} headingLevel={3} />
          </section>
        ))}
    </main>
  );
}
