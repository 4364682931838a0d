import type { Metadata } from "next";
import { getCuratedFront, getLatestStories, getSectionFront, getSections, getSiteSettings } from "@/lib/cache/public-data";
import { ArticleList } from "@/components/article/article-list";
import { BreakingBanner } from "@/components/article/breaking-banner";
import { bannerIsUp } from "@/lib/front/schema";
import { feedAlternates } from "@/lib/feeds/rss";

export async function generateMetadata(): Promise<Metadata> {
  const { siteName } = await getSiteSettings();
  return { alternates: { canonical: "/", types: feedAlternates(siteName) } };
}

// Rendered per request from cached reads (tags "front", "sections" and each section's), never at
// build time, when the newsroom's database may not exist yet. The HTTP cache in front (the
// in-process one of `npm start`, Varnish or a CDN) keeps the page itself.
export const dynamic = "force-dynamic";

const DEFAULT_SECTION_COUNT = 4;

export default async function FrontPage() {
  const [curated, latest, sections, { siteName, timeZone, language }] = await Promise.all([
    getCuratedFront(),
    getLatestStories(10),
    getSections(),
    getSiteSettings(),
  ]);
  // The editors' lead and pinned slots come first (lib/front/), then the newest of the rest.
  const top = [...(curated.lead ? [curated.lead] : []), ...curated.pinned];
  const topIds = new Set(top.map((a) => a.id));
  const stories = [...top, ...latest.filter((a) => !topIds.has(a.id))].slice(0, Math.max(10, top.length));
  const shown = new Set(stories.map((a) => a.id));
  const blocks = curated.sections
    ? curated.sections.flatMap((b) => {
        const section = sections.find((s) => s.id === b.sectionId);
        return section ? [{ section, count: b.count }] : [];
      })
    : sections.map((section) => ({ section, count: DEFAULT_SECTION_COUNT }));
  const bySection = await Promise.all(
    blocks.map(async ({ section, count }) => ({
      section,
      articles: (await getSectionFront(section.slug, count + 10)).filter((a) => !shown.has(a.id)).slice(0, count),
    })),
  );
  const banner = bannerIsUp(curated.banner) ? curated.banner : null;
  return (
    <main id="main" className="page">
      <h1 className="visually-hidden">
        <span lang={language}>{siteName}</span>: latest news
      </h1>
      {banner ? <BreakingBanner text={banner.text} url={banner.url} language={language} /> : null}
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="visually-hidden">
          Latest
        </h2>
        <ArticleList
          articles={stories}
          timeZone={timeZone}
          language={language}
          lead
          headingLevel={3}
          empty="Nothing has been published yet."
        />
      </section>
      {bySection
        .filter((b) => b.articles.length > 0)
        .map(({ section, articles }) => (
          <section key={section.id} className="front-section" aria-labelledby={`section-${section.slug}`}>
            <h2 id={`section-${section.slug}`} className="list-heading">
              <a href={`/${section.slug}`} lang={language}>
                {section.name}
              </a>
            </h2>
            <ArticleList articles={articles} timeZone={timeZone} language={language} headingLevel={3} />
          </section>
        ))}
    </main>
  );
}
