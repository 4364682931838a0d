import Link from "next/link";

/** Newer/older links for a paginated list of stories: /politics, /politics/p/2, … (plain links). */
export function Pagination({ basePath, page, pages }: { basePath: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  const href = (n: number) => (n === 1 ? basePath : `${basePath}/p/${n}`);
  return (
    <nav className="pagination" aria-label="More stories">
      {page > 1 ? <Link href={href(page - 1)} rel="prev">← Newer stories</Link> : <span />}
      <span>Page {page} of {pages}</span>
      {page < pages ? <Link href={href(page + 1)} rel="next">Older stories →</Link> : <span />}
    </nav>
  );
}
