import { listSections } from "@/lib/sections/queries";
import { listAuthors } from "@/lib/authors/queries";
import { listTags } from "@/lib/tags/queries";
import { listLibraryImages } from "@/lib/media/queries";
import { getSiteSettings } from "@/lib/cache/public-data";

/** The choices the story editor offers: sections, bylines, tags and library photos. */
export async function loadEditorOptions() {
  const [sections, authors, tags, images, { timeZone }] = await Promise.all([
    listSections(),
    listAuthors(),
    listTags(),
    listLibraryImages(),
    getSiteSettings(),
  ]);
  return {
    sections: sections.map((s) => ({ id: s.id, name: s.name })),
    authors: authors.map((a) => ({ id: a.id, name: a.name })),
    tags: tags.map((t) => ({ id: t.id, name: t.name })),
    images,
    timeZone,
  };
}
