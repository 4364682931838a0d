import type { PublicArticle } from "@/lib/articles/dto";
import { SOURCE_KIND_LABELS } from "@/lib/sources/schema";
import { formatDate } from "@/lib/format/time";

/** The story's sources, always shown to readers. */
export function SourceList({ sources, timeZone }: { sources: PublicArticle["sources"]; timeZone: string }) {
  if (sources.length === 0) return null;
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <ol>
        {sources.map((s) => (
          <li key={s.id}>
            <a href={s.url} rel="noopener noreferrer nofollow">
              {s.title}
            </a>
            <span className="source-meta">
              {[s.publisher, SOURCE_KIND_LABELS[s.kind]].filter(Boolean).join(" · ")}
              {s.accessedAt ? ` · accessed ${formatDate(s.accessedAt, timeZone)}` : null}
            </span>
            {s.note ? <span className="source-note">{s.note}</span> : null}
            {s.archivedUrl ? (
              <a className="source-archive" href={s.archivedUrl} rel="noopener noreferrer nofollow">
                Archived copy
              </a>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
