import { PageLinks } from "@/components/ui/page-links";

/** Newer/older links for a paginated list of stories: /politics, /politics/p/2, … */
export function Pagination({ basePath, page, pages }: { basePath: string; page: number; pages: number }) {
  return (
    <PageLinks
      page={page}
      pages={pages}
      href={(n) => (n === 1 ? basePath : `${basePath}/p/${n}`)}
      label="More stories"
      previous="← Newer stories"
      next="Older stories →"
    />
  );
}
