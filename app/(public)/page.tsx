import { listPublishedArticles } from "@/lib/articles/queries";
import { ArticleList } from "@/components/article/article-list";

export default async function FrontPage() {
  const articles = await listPublishedArticles({ limit: 30 });
  return (
    <main id="main" className="page">
      <h1 className="visually-hidden">Latest stories</h1>
      <ArticleList articles={articles} empty="Nothing has been published yet." />
    </main>
  );
}
