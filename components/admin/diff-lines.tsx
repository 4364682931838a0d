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

/** One field's diff: paragraphs added or removed, and changed words marked inside a paragraph. */
export function DiffLines({ before, after }: { before: string; after: string }) {
  return (
    <pre>
      {diffParagraphs(before, after).map((line, i) =>
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
  );
}
