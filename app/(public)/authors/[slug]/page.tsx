import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { lowerCaseSlug } from "@/lib/format/slug";
import { getAuthor, getStoryListPage, getSiteSettings } from "@/lib/cache/public-data";
import { StoryListPage } from "@/components/article/story-list-page";
import { listPageMeta } from "@/lib/seo/site";

type Props = { params: Promise<{ slug: string; n?: string }> };

// Rendered per request from cached reads; the HTTP cache in front keeps the page (lib/cache/http-policy.ts).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const author = await getAuthor(slug);
  if (!author) return {};
  const { title, canonical } = listPageMeta(author.name, `/authors/${author.slug}`, n);
  return { title, description: author.bio ?? undefined, alternates: { canonical } };
}

export default async function AuthorPage({ params }: Props) {
  const { slug, n } = await params;
  const author = await getAuthor(slug);
  if (!author) {
    // Typed in capitals: the author's own address.
    const lower = lowerCaseSlug(slug);
    if (lower && (await getAuthor(lower))) permanentRedirect(n ? `/authors/${lower}/p/${n}` : `/authors/${lower}`);
    notFound();
  }
  const [{ articles, page, pages }, { timeZone, language }] = await Promise.all([
    getStoryListPage({ authorSlug: author.slug }, n),
    getSiteSettings(),
  ]);
  const header = (
    <>
      <h1 className="section-title" lang={language}>
        {author.name}
      </h1>
      {author.title ? (
        <p className="kicker" lang={language}>
          {author.title}
        </p>
      ) : null}
      {author.bio ? (
        <p className="dek" lang={language}>
          {author.bio}
        </p>
      ) : null}
      <h2 className="list-heading">Stories</h2>
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
      basePath={`/authors/${author.slug}`}
      headingLevel={3}
      empty="No published stories yet."
    />
  );
}
