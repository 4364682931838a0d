import { DiffLines } from "./diff-lines";

/** A field-by-field diff of two versions of a story: paragraphs added or removed, and changed words marked inside a paragraph. */
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
  if (fields.length === 0)
    return <p className="muted">No differences in what the two versions say (a move alone, such as a publish, changes none).</p>;
  return (
    <div className="field-diff">
      <p className="muted">
        <span className="diff-removed">− {beforeLabel}</span> <span className="diff-added">+ {afterLabel}</span>{" "}
        <span className="diff-changed">~ changed words marked inside the paragraph</span>
      </p>
      {fields.map((field) => (
        <section key={field}>
          <h3>{field}</h3>
          <DiffLines before={before[field] ?? ""} after={after[field] ?? ""} />
        </section>
      ))}
    </div>
  );
}
