import { diffLines } from "@/lib/format/text-diff";

/** A field-by-field line diff of two versions of a story. */
export function FieldDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: Record<string, string>;
  after: Record<string, string>;
  beforeLabel: string;
  afterLabel: string;
}) {
  const fields = Object.keys(after).filter((k) => before[k] !== after[k]);
  if (fields.length === 0) return <p className="muted">No differences in headline, dek, slug, dateline, body or sources.</p>;
  return (
    <div className="field-diff">
      <p className="muted">
        <span className="diff-removed">− {beforeLabel}</span> <span className="diff-added">+ {afterLabel}</span>
      </p>
      {fields.map((field) => (
        <section key={field}>
          <h3>{field}</h3>
          <pre>
            {diffLines(before[field] ?? "", after[field] ?? "").map((line, i) =>
              line.kind === "same" ? (
                <span key={i} className="diff-same">
                  {" "}
                  {line.text}
                  {"\n"}
                </span>
              ) : line.kind === "added" ? (
                <ins key={i} className="diff-added">
                  + {line.text}
                  {"\n"}
                </ins>
              ) : (
                <del key={i} className="diff-removed">
                  − {line.text}
                  {"\n"}
                </del>
              ),
            )}
          </pre>
        </section>
      ))}
    </div>
  );
}
