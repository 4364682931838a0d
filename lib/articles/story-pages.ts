import { z } from "zod";
import { countPublishedArticles, listPublishedArticles, type PublishedFilter } from "./queries";

export const PUBLIC_PAGE_SIZE = 20;
const pageSchema = z.coerce.number().int().min(1).max(1000).catch(1);

/** One page of a public story list (section, author or tag), with the page count. */
export async function loadStoryPage(filter: PublishedFilter, rawPage: unknown) {
  const page = pageSchema.parse(rawPage ?? 1);
  const [articles, total] = await Promise.all([
    listPublishedArticles({ ...filter, limit: PUBLIC_PAGE_SIZE, offset: (page - 1) * PUBLIC_PAGE_SIZE }),
    countPublishedArticles(filter),
  ]);
  return { articles, page, pages: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)) };
}
