import { z } from "zod";

/** The longest query searched; the search box holds no more, and a longer one in an address is cut to it. */
export const SEARCH_QUERY_MAX = 200;

export const searchQuerySchema = z
  .object({
    q: z.string().catch("").default(""),
    page: z.coerce.number().int().min(1).max(50).catch(1).default(1),
  })
  .transform(({ q, page }) => ({
    // Cut at a character, never between the two halves of one (an emoji at the edge).
    q: q
      .slice(0, SEARCH_QUERY_MAX)
      .replace(/[\ud800-\udbff]$/, "")
      .trimEnd(),
    shortened: q.trimEnd().length > SEARCH_QUERY_MAX,
    page,
  }));
