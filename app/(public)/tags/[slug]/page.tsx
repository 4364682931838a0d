import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { lowerCaseSlug } from "@/lib/format/slug";
import { getStoryListPage, getTag, getSiteSettings } from "@/lib/cache/public-data";
import { StoryListPage } from "@/components/article/story-list-page";
import { listPageMeta } from "@/lib/seo/site";

type Props = { params: Promise<{ slug: string; n?: string }> };

// Rendered per request from cached reads; the HTTP cache in front keeps the page (lib/cache/http-policy.ts).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const tag = await getTag(slug);
  if (!tag) return {};
  const { title, canonical } = listPageMeta(tag.name, `/tags/${tag.slug}`, n);
  return { title, alternates: { canonical } };
}

export default async function TagPage({ params }: Props) {
  const { slug, n } = await params;
  const tag = await getTag(slug);
  if (!tag) {
    // Typed in capitals: the tag's own address.
    const lower = lowerCaseSlug(slug);
    if (lower && (await getTag(lower))) permanentRedirect(n ? `/tags/${lower}/p/${n}` : `/tags/${lower}`);
    notFound();
  }
  const [{ articles, page, pages }, { timeZone, language }] = await Promise.all([
    getStoryListPage({ tagSlug: tag.slug }, n),
    getSiteSettings(),
  ]);
  const header = (
    <>
      <p className="kicker">Tag</p>
      <h1 className="section-title" lang={language}>
        {tag.name}
      </h1>
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
      basePath={`/tags/${tag.slug}`}
      empty="No published stories with this tag yet."
    />
  );
}
