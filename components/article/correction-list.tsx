import type { PublicArticle } from "@/lib/articles/dto";
import { CORRECTION_KIND_LABELS } from "@/lib/articles/schema";
import { Timestamp } from "./timestamp";

/** Corrections and updates, oldest first, each with its time. */
export function CorrectionList({ corrections, timeZone }: { corrections: PublicArticle["corrections"]; timeZone: string }) {
  if (corrections.length === 0) return null;
  return (
    <section className="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading" lang="en">
        Corrections and updates
      </h2>
      <ol>
        {corrections.map((c) => (
          <li key={c.id}>
            <strong lang="en">{CORRECTION_KIND_LABELS[c.kind]}</strong> <Timestamp date={c.createdAt} timeZone={timeZone} />
            <p>{c.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
