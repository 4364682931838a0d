import type { ReactNode } from "react";
import type { ArticleCard } from "@/lib/articles/dto";
import { ArticleList } from "./article-list";
import { Pagination } from "./pagination";

type Props = {
  header: ReactNode;
  articles: ArticleCard[];
  timeZone: string;
  language: string;
  page: number;
  pages: number;
  basePath: string;
  empty: string;
  headingLevel?: 2 | 3;
};

/** A section, author or tag page: its header, one page of stories and links to the others. */
export function StoryListPage({ header, articles, timeZone, language, page, pages, basePath, empty, headingLevel = 2 }: Props) {
  return (
    <main id="main" className="page">
      {header}
      <ArticleList articles={articles} timeZone={timeZone} language={language} headingLevel={headingLevel} empty={empty} />
      <Pagination basePath={basePath} page={page} pages={pages} />
    </main>
  );
}
