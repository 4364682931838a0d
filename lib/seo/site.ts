import { env } from "../env";

/** An absolute URL on the public site. */
export const absoluteUrl = (path: string) => new URL(path, env.DATELINE_SITE_URL).toString();

/** Every page's title: its own, then the site's name. */
export const titleTemplate = (siteName: string) => `%s · ${siteName}`;
export const pageTitle = (title: string, siteName: string) => titleTemplate(siteName).replace("%s", () => title);

/**
 * The title and canonical address of page `n` of a section, byline or tag list (`/p/<n>`; undefined
 * on the first): each page is its own, so that search engines keep the older stories it lists
 * (a page 2 whose canonical named page 1 would be folded into it).
 */
export function listPageMeta(title: string, base: string, n: string | undefined): { title: string; canonical: string } {
  return n ? { title: `${title} — page ${n}`, canonical: `${base}/p/${n}` } : { title, canonical: base };
}

/** The browser chrome's colour on phones. */
export const THEME_COLOR = "#ffffff";
