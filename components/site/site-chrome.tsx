import type { ReactNode } from "react";
import { SectionStrip } from "./section-strip";

type Section = { id: string; name: string; slug: string };

/**
 * The masthead, the page and the footer of every public page (the public layout, app/(public)/layout.tsx).
 * The site's name and its sections' names are the newsroom's words, in the language of its stories;
 * the rest is the site's own, in English (the page's lang).
 */
export function SiteChrome({
  siteName,
  language,
  sections,
  children,
}: {
  siteName: string;
  language: string;
  sections: Section[];
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="masthead">
        <div className="masthead-inner">
          <a href="/" className="wordmark" lang={language}>
            {siteName}
          </a>
          <SectionStrip sections={sections.map(({ id, name, slug }) => ({ id, name, slug }))} language={language} />
          <a href="/search" className="search-link">
            Search
          </a>
        </div>
      </header>
      {children}
      <footer className="site-footer">
        {/* Every section again, on lines that wrap: on a phone the masthead's strip shows the first
            few, and a mouse at 400% zoom cannot scroll it. */}
        {sections.length > 0 ? (
          <nav aria-label="Site index">
            <SectionLinks sections={sections} language={language} />
          </nav>
        ) : null}
        <p>
          <span lang={language}>{siteName}</span> · Every story lists the sources it rests on, and every photo its credit.
        </p>
      </footer>
    </>
  );
}

/** The footer's index: every section, unmarked. */
function SectionLinks({ sections, language }: { sections: Section[]; language: string }) {
  return (
    <ul lang={language}>
      {sections.map((s) => (
        <li key={s.id}>
          <a href={`/${s.slug}`}>{s.name}</a>
        </li>
      ))}
    </ul>
  );
}

/** What a reader sees at an address that is not (or no longer) published. */
export function NotFoundMessage() {
  return (
    <main id="main" className="page narrow">
      <h1>Page not found</h1>
      <p>The page you asked for does not exist, or is no longer published.</p>
      <p>
        <a href="/">Go to the front page</a>
      </p>
    </main>
  );
}
