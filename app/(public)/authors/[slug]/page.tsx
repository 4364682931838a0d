import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAuthor, getStoryPage } from "@/lib/public-data";
import { ArticleList } from "@/components/article/article-list";
import { Pagination } from "@/components/article/pagination";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await getAuthor((await params).slug);
  return author ? { title: author.name, description: author.bio ?? undefined, alternates: { canonical: `/authors/${author.slug}` } } : {};
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const author = await getAuthor((await params).slug);
  if (!author) notFound();
  const { articles, page, pages } = await getStoryPage({ authorSlug: author.slug }, (await searchParams).page);
  return (
    <main id="main" className="page">
      <h1 className="section-title">{author.name}</h1>
      {author.title ? <p className="kicker">{author.title}</p> : null}
      {author.bio ? <p className="dek">{author.bio}</p> : null}
      <h2 className="list-heading">Stories</h2>
      <ArticleList articles={articles} headingLevel={3} empty="No published stories yet." />
      <Pagination basePath={`/authors/${author.slug}`} page={page} pages={pages} />
    </main>
  );
}
