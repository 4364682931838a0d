import { diffParagraphs, type WordPart } from "@/lib/format/text-diff";

function Words({ parts }: { parts: WordPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "added" ? (
          <ins key={i} className="word-added">
            {part.text}
          </ins>
        ) : (
          <del key={i} className="word-removed">
            {part.text}
          </del>
        ),
      )}
    </>
  );
}

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
          <pre>
            {diffParagraphs(before[field] ?? "", after[field] ?? "").map((line, i) =>
              line.kind === "same" ? (
                <span key={i} className="diff-same">
                  {"  "}
                  {line.text}
                  {"\n"}
                </span>
              ) : line.kind === "changed" ? (
                <span key={i} className="diff-changed" data-testid="diff-changed">
                  {"~ "}
                  <Words parts={line.parts} />
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
