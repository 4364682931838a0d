type Props = { text: string; url: string };

/** The front page's breaking-news banner (lib/front/): text, and a link when editors gave one. */
export function BreakingBanner({ text, url }: Props) {
  return (
    <aside className="breaking-banner" aria-label="Breaking news" data-testid="breaking-banner">
      <strong className="breaking-label">Breaking</strong> {url ? <a href={url}>{text}</a> : <span>{text}</span>}
    </aside>
  );
}
