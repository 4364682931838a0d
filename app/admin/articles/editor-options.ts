import { listSections } from "@/lib/sections/queries";
import { listAuthors } from "@/lib/authors/queries";
import { listTags } from "@/lib/tags/queries";
import { listLibraryImages } from "@/lib/media/queries";
import { getSiteSettings } from "@/lib/cache/public-data";
import { hasPermission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { languageOptions, namedLanguage } from "@/lib/settings/language";

/**
 * The choices the story editor offers: sections, bylines, tags and library photos; the site's
 * address (for the publish confirmation), the site's language, the viewer's own byline (a new story starts with it)
 * and whether the viewer may publish and schedule (the server checks again).
 */
export async function loadEditorOptions(viewer: Viewer) {
  const [sections, authors, tags, images, { timeZone, siteName, language }] = await Promise.all([
    listSections(),
    listAuthors(),
    listTags(),
    listLibraryImages(),
    getSiteSettings(),
  ]);
  return {
    sections: sections.map((s) => ({ id: s.id, name: s.name, slug: s.slug })),
    authors: authors.map((a) => ({ id: a.id, name: a.name })),
    ownAuthorIds: authors.filter((a) => a.userId === viewer.id).map((a) => a.id),
    siteUrl: env.DATELINE_SITE_URL,
    canPublish: hasPermission(viewer.role, "article.publish"),
    canSchedule: hasPermission(viewer.role, "article.schedule"),
    tags: tags.map((t) => ({ id: t.id, name: t.name })),
    images,
    timeZone,
    siteName,
    /** The site's language (what a story without one of its own is in), and the languages the story's field suggests. */
    language: { site: namedLanguage(language), options: languageOptions(), saved: { tag: "", name: null as string | null } },
  };
}
