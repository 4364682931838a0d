import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getSection, getSectionForward, getStoryListPage, getSiteSettings } from "@/lib/cache/public-data";
import { StoryListPage } from "@/components/article/story-list-page";
import { redirectOldAddress } from "@/lib/import/old-address";
import { listPageMeta } from "@/lib/seo/site";
import { feedAlternates } from "@/lib/feeds/rss";

type Params = { section: string; n?: string };
type Props = { params: Promise<Params> };

// Rendered per request from cached reads; the HTTP cache in front keeps the page (lib/cache/http-policy.ts).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section: slug, n } = await params;
  const [section, { siteName }] = await Promise.all([getSection(slug), getSiteSettings()]);
  if (!section) return {};
  const { title, canonical } = listPageMeta(section.name, `/${section.slug}`, n);
  return {
    title,
    description: section.description ?? undefined,
    alternates: { canonical, types: feedAlternates(siteName, section) },
  };
}

export default async function SectionPage({ params }: Props) {
  const { section: slug, n } = await params;
  const section = await getSection(slug);
  if (!section) {
    // Typed in capitals, or a section that moved: each page of it forwards to the section's address.
    const forward = await getSectionForward(slug);
    if (forward) permanentRedirect(n ? `${forward}/p/${n}` : forward);
    // An imported site's old address (a WordPress page or permalink) that no live page has.
    await redirectOldAddress(n ? `/${slug}/p/${n}` : `/${slug}`);
    notFound();
  }
  const [{ articles, page, pages }, { timeZone, language }] = await Promise.all([
    getStoryListPage({ sectionSlug: section.slug }, n),
    getSiteSettings(),
  ]);
  const header = (
    <>
      <h1 className="section-title" lang={language}>
        {section.name}
      </h1>
      {section.description ? (
        <p className="dek" lang={language}>
          {section.description}
        </p>
      ) : null}
    </>
  );
  return (
    <StoryListPage
      header={header}
      articles={articles}
      timeZone={timeZone}
      language={language}
      page={page}
      pages={pages}
      basePath={`/${section.slug}`}
      empty="No stories in this section yet."
    />
  );
}
