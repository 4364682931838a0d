import type { PublicArticle } from "@/lib/articles/dto";
import { SOURCE_KIND_LABELS } from "@/lib/sources/schema";
import { formatDate } from "@/lib/format/time";

/** What a source says beyond its title, only as far as it was filled in ("Other", the default kind, says nothing). */
function meta(s: PublicArticle["sources"][number], timeZone: string): string {
  return [
    s.publisher,
    s.kind === "OTHER" ? "" : SOURCE_KIND_LABELS[s.kind],
    s.accessedAt ? `accessed ${formatDate(s.accessedAt, timeZone)}` : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The story's sources, always shown to readers, each with only what was filled in. */
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
            {meta(s, timeZone) ? <span className="source-meta">{meta(s, timeZone)}</span> : null}
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
