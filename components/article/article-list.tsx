import { Fragment } from "react";
import type { ArticleCard } from "@/lib/articles/dto";
import { Timestamp } from "./timestamp";
import { Credit } from "./credit";
import { ownLanguage } from "@/lib/articles/language";

type Props = { articles: ArticleCard[]; timeZone: string; language: string; empty?: string; headingLevel?: 2 | 3; lead?: boolean };

/**
 * A list of story cards: headline, dek, section and time; the first is the lead when `lead` is set.
 * The list is marked in the stories' `language` (the site's), and a card whose story has another
 * language of its own in that (its section's name staying the site's); their times and credit
 * labels say they are English.
 */
export function ArticleList({ articles, timeZone, language, empty = "No stories yet.", headingLevel = 2, lead = false }: Props) {
  if (articles.length === 0) return <p className="muted">{empty}</p>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className={`article-list${lead ? " with-lead" : ""}`} lang={language}>
      {articles.map((a, i) => (
        <li key={a.id} className="article-card" lang={ownLanguage(a, language)}>
          {lead && i === 0 && a.image ? (
            <figure className="card-figure">
              <picture>
                <source type="image/webp" srcSet={a.image.srcSet} sizes="(max-width: 48rem) 100vw, 60vw" />
                <img
                  src={a.image.src}
                  alt={a.image.alt}
                  width={a.image.width}
                  height={a.image.height}
                  style={{ objectPosition: a.image.objectPosition }}
                  fetchPriority="high"
                />
              </picture>
              {/* Every photo readers see carries its credit, the lead's on the front page too. */}
              {a.image.creditLine ? (
                <figcaption>
                  <Credit line={a.image.creditLine} />
                </figcaption>
              ) : null}
            </figure>
          ) : null}
          <div>
            {/* The section's name is the site's word, also in a card of another language. */}
            {a.section ? (
              <p className="kicker" lang={ownLanguage(a, language) ? language : undefined}>
                {a.section.name}
              </p>
            ) : null}
            <Heading dir="auto">
              <a href={a.path}>{a.headline}</a>
            </Heading>
            {a.dek ? (
              <p className="dek" dir="auto">
                {a.dek}
              </p>
            ) : null}
            <p className="meta">
              {/* Each name isolated: a right-to-left name would otherwise carry the date and
                  commas around it into its own direction. */}
              {a.authors.map((x, i) => (
                <Fragment key={x.slug}>
                  {i > 0 ? ", " : null}
                  <bdi>{x.name}</bdi>
                </Fragment>
              ))}
              {a.publishedAt ? (
                <>
                  {" "}
                  · <Timestamp date={a.publishedAt} timeZone={timeZone} />
                </>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
