import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ArticleCard } from "@/lib/articles/dto";
import { ArticleList } from "./article-list";
import { Byline } from "./byline";

const authors = [
  { name: "أحمد منصور", slug: "ahmad-mansour" },
  { name: "Olena Marchuk", slug: "olena-marchuk" },
];

const card: ArticleCard = {
  id: "a1",
  slug: "market-reopens",
  headline: "Market reopens",
  dek: "",
  language: null,
  path: "/news/market-reopens",
  publishedAt: new Date("2026-11-30T09:12:00Z"),
  updatedAt: null,
  modifiedAt: new Date("2026-11-30T09:12:00Z"),
  section: null,
  authors,
  image: null,
};

describe("bylines in a right-to-left script", () => {
  it("are isolated in story cards and on the story, so the commas and the date keep their places", () => {
    const list = renderToStaticMarkup(<ArticleList articles={[card]} timeZone="Europe/Kyiv" language="en" />);
    expect(list).toContain("<bdi>أحمد منصور</bdi>, <bdi>Olena Marchuk</bdi>");
    const byline = renderToStaticMarkup(<Byline authors={authors} />);
    expect(byline).toContain('<a href="/authors/ahmad-mansour" rel="author"><bdi>أحمد منصور</bdi></a>');
  });
});

describe("the language of stories", () => {
  it("marks the cards in the newsroom's language and the times in them as English, the site's own words", () => {
    const list = renderToStaticMarkup(<ArticleList articles={[card]} timeZone="Europe/Oslo" language="nb-NO" />);
    expect(list).toMatch(/^<ol class="article-list" lang="nb-NO">/);
    expect(list).toContain('<span class="timestamp" lang="en">');
  });
});

describe("a story in a language of its own", () => {
  it("marks its card in it, inside a list in the site's language; a card in the list's language says nothing more", () => {
    const welsh = { ...card, id: "a2", slug: "y-farchnad", language: "cy" };
    const list = renderToStaticMarkup(
      <ArticleList articles={[card, welsh, { ...card, id: "a3", language: "en" }]} timeZone="Europe/London" language="en" />,
    );
    expect(list).toMatch(/^<ol class="article-list" lang="en">/);
    expect(list.match(/<li class="article-card"[^>]*>/g)).toEqual([
      '<li class="article-card">',
      '<li class="article-card" lang="cy">',
      '<li class="article-card">',
    ]);
  });
});
