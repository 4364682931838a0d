import { MARK_END, MARK_START } from "@/lib/search/queries";

/** A search snippet with the matched words in <mark>; the text itself is rendered as text. */
export function HighlightedSnippet({ snippet }: { snippet: string }) {
  const parts = snippet.split(MARK_START);
  return (
    <p className="snippet" dir="auto">
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [hit, rest] = part.split(MARK_END);
        return (
          <span key={i}>
            <mark>{hit}</mark>
            {rest}
          </span>
        );
      })}
    </p>
  );
}
