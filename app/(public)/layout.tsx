import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { getSections } from "@/lib/public-data";

// Masthead and footer; reads no session, so public pages stay cacheable.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const sections = await getSections();
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="masthead">
        <div className="masthead-inner">
          <a href="/" className="wordmark">{env.DATELINE_SITE_NAME}</a>
          <nav aria-label="Sections">
            <ul>
              {sections.map((s) => (
                <li key={s.id}><a href={`/${s.slug}`}>{s.name}</a></li>
              ))}
            </ul>
          </nav>
          <a href="/search" className="search-link">Search</a>
        </div>
      </header>
      {children}
      <footer className="site-footer">
        <p>{env.DATELINE_SITE_NAME} · Every story lists the sources it rests on, and every photo its credit.</p>
      </footer>
    </>
  );
}
