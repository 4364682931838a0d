import Link from "next/link";

type Props = { page: number; pages: number; href: (page: number) => string; label?: string; previous?: string; next?: string };

/** Previous/next links and "Page n of m" for any paginated list (plain links: no JavaScript). */
export function PageLinks({ page, pages, href, label = "Pages", previous = "← Newer", next = "Older →" }: Props) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? <Link href={href(page - 1)} rel="prev">{previous}</Link> : <span />}
      <span>Page {page} of {pages}</span>
      {page < pages ? <Link href={href(page + 1)} rel="next">{next}</Link> : <span />}
    </nav>
  );
}
