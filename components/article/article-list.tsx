import Link from "next/link";
import type { ArticleCard } from "@/lib/articles/dto";
import { Timestamp } from "./timestamp";

/** A list of story cards: headline, dek, section and time. */
export function ArticleList({ articles, empty = "No stories yet." }: { articles: ArticleCard[]; empty?: string }) {
  if (articles.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="article-list">
      {articles.map((a) => (
        <li key={a.id} className="article-card">
          {a.section ? <p className="kicker">{a.section.name}</p> : null}
          <h2><Link href={a.path}>{a.headline}</Link></h2>
          {a.dek ? <p className="dek">{a.dek}</p> : null}
          <p className="meta">
            {a.authors.map((x) => x.name).join(", ")}
            {a.publishedAt ? <> · <Timestamp date={a.publishedAt} /></> : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
