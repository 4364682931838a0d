import { env } from "../env";
import { absoluteUrl } from "../seo/site";

/** The address of an archived copy's page: on DATELINE_ARCHIVE_ORIGIN when set, else on the site. */
export function archiveHref(captureId: string): string {
  return env.DATELINE_ARCHIVE_ORIGIN ? `${env.DATELINE_ARCHIVE_ORIGIN}/archive/${captureId}` : `/archive/${captureId}`;
}

/** The same, always absolute (structured data, the content API). */
export const archiveUrl = (captureId: string) => absoluteUrl(archiveHref(captureId));
