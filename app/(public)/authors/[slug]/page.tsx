import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAuthorBySlug } from "@/lib/authors";
import { listPublishedArticles } from "@/lib/articles/queries";
import { ArticleList } from "@/components/article/article-list";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await getAuthorBySlug((await params).slug);
  return author ? { title: author.name, description: author.bio ?? undefined } : {};
}

export default async function AuthorPage({ params }: Props) {
  const author = await getAuthorBySlug((await params).slug);
  if (!author) notFound();
  const articles = await listPublishedArticles({ authorSlug: author.slug, limit: 30 });
  return (
    <main id="main" className="page">
      <h1 className="section-title">{author.name}</h1>
      {author.title ? <p className="kicker">{author.title}</p> : null}
      {author.bio ? <p className="dek">{author.bio}</p> : null}
      <h2 className="list-heading">Stories</h2>
      <ArticleList articles={articles} empty="No published stories yet." />
    </main>
  );
}
