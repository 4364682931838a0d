import type { PublicArticle } from "@/lib/articles/dto";
import { SOURCE_KIND_LABELS } from "@/lib/sources/schema";
import { archiveHref } from "@/lib/sources/archive-url";
import { formatDate } from "@/lib/format/time";

type Source = PublicArticle["sources"][number];

/**
 * What a source says beyond its title, only as far as it was filled in ("Other", the default kind,
 * says nothing): its publisher, as the newsroom wrote it, then the site's English words.
 */
function Meta({ source: s, timeZone }: { source: Source; timeZone: string }) {
  const site = [s.kind === "OTHER" ? "" : SOURCE_KIND_LABELS[s.kind], s.accessedAt ? `accessed ${formatDate(s.accessedAt, timeZone)}` : ""]
    .filter(Boolean)
    .join(" · ");
  if (!s.publisher && !site) return null;
  return (
    <span className="source-meta">
      {s.publisher}
      {s.publisher && site ? " · " : null}
      {site ? <span lang="en">{site}</span> : null}
    </span>
  );
}

/**
 * The story's sources, always shown to readers, each with only what was filled in, and Dateline's
 * archived copy of it (issue 19) beside any archive address the editor typed. A source the link
 * checker found gone leads to its copy first; the original address follows.
 */
export function SourceList({ sources, timeZone }: { sources: PublicArticle["sources"]; timeZone: string }) {
  if (sources.length === 0) return null;
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading" lang="en">
        Sources
      </h2>
      <ol>
        {sources.map((s) => {
          const copy = s.copy ? { href: archiveHref(s.copy.id), label: `Archived copy, ${formatDate(s.copy.capturedAt, timeZone)}` } : null;
          const goneFirst = s.gone && copy;
          return (
            <li key={s.id}>
              <a href={goneFirst ? copy.href : s.url} rel="noopener noreferrer nofollow">
                {s.title}
              </a>
              <Meta source={s} timeZone={timeZone} />
              {s.note ? <span className="source-note">{s.note}</span> : null}
              {goneFirst ? (
                <span className="source-gone" lang="en">
                  The original is no longer available; the link above leads to the copy archived on{" "}
                  {formatDate(s.copy!.capturedAt, timeZone)}.{" "}
                  <a href={s.url} rel="noopener noreferrer nofollow">
                    Original address
                  </a>
                </span>
              ) : null}
              {(copy && !goneFirst) || s.archivedUrl ? (
                <span className="source-archive-line" lang="en">
                  {copy && !goneFirst ? (
                    <a className="source-archive" href={copy.href} rel="noopener noreferrer nofollow">
                      {copy.label}
                    </a>
                  ) : null}
                  {s.archivedUrl ? (
                    <a className="source-archive" href={s.archivedUrl} rel="noopener noreferrer nofollow">
                      {copy ? "Another archived copy" : "Archived copy"}
                    </a>
                  ) : null}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
