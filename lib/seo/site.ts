import { env } from "../env";

/** An absolute URL on the public site. */
export const absoluteUrl = (path: string) => new URL(path, env.DATELINE_SITE_URL).toString();

/** Every page's title: its own, then the site's name. */
export const titleTemplate = (siteName: string) => `%s · ${siteName}`;
export const pageTitle = (title: string, siteName: string) => titleTemplate(siteName).replace("%s", () => title);

/** The browser chrome's colour on phones. */
export const THEME_COLOR = "#ffffff";
