type Props = { text: string; url: string; language: string };

/** The front page's breaking-news banner (lib/front/): text, and a link when editors gave one. */
export function BreakingBanner({ text, url, language }: Props) {
  // The newsroom's words in the stories' language; the label is the site's, English.
  return (
    <aside className="breaking-banner" aria-label="Breaking news" data-testid="breaking-banner">
      <strong className="breaking-label">Breaking</strong>{" "}
      {url ? (
        <a href={url} lang={language}>
          {text}
        </a>
      ) : (
        <span lang={language}>{text}</span>
      )}
    </aside>
  );
}
