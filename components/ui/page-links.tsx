type Props = { page: number; pages: number; href: (page: number) => string; label?: string; previous?: string; next?: string };

/** Previous/next links and "Page n of m" for any paginated list (plain links: no JavaScript). */
export function PageLinks({ page, pages, href, label = "Pages", previous = "← Newer", next = "Older →" }: Props) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {previous}
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          {next}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
