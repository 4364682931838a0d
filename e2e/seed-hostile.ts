// Saves the hostile corpus (e2e/hostile-corpus.ts) as a published story with a credited photo,
// sources, tags, a byline with a bio and a correction, through the desk's own lib/ functions.
// Run by e2e/prepare-db.ts before the end-to-end server starts.
import { db } from "../lib/db";
import { createUserWithPassword } from "../lib/users/mutations";
import { createArticle, transitionArticle, addCorrection } from "../lib/articles/mutations/index";
import { bodyFromParagraphs } from "../lib/articles/body";
import { createImage } from "../lib/media/ingest";
import { createAuthor } from "../lib/authors/mutations";
import { createTag } from "../lib/tags/mutations";
import { makePhoto } from "../lib/test/images";
import { HOSTILE } from "./hostile-corpus";

const user = await createUserWithPassword(null, {
  email: "hostile-editor@e2e.dateline",
  name: "Hostile Editor",
  role: "EDITOR",
  password: "hostile-editor-password-1",
});
const editor = { id: user.id, email: user.email, name: user.name, role: user.role };

const section = await db.section.findUniqueOrThrow({ where: { slug: "world" } });
const author = await createAuthor(editor, { name: HOSTILE.authorName, title: HOSTILE.authorTitle });
// Bylines' bios have no desk screen yet; the seed writes them the same way.
await db.author.update({ where: { id: author.id }, data: { bio: HOSTILE.authorBio } });
const tags = await Promise.all(HOSTILE.tags.map((name) => createTag(editor, { name })));
const image = await createImage(editor, await makePhoto("jpeg", 1600, 1000, 4242), {
  altText: HOSTILE.alt,
  caption: HOSTILE.caption,
  credit: HOSTILE.credit,
  agency: HOSTILE.agency,
  copyright: HOSTILE.copyright,
});

const story = await createArticle(editor, {
  headline: HOSTILE.headline,
  slug: HOSTILE.slug,
  dek: HOSTILE.dek,
  dateline: HOSTILE.dateline,
  sectionId: section.id,
  authorIds: [author.id],
  tagIds: tags.map((t) => t.id),
  body: bodyFromParagraphs(HOSTILE.body),
  sources: [{ url: HOSTILE.sourceUrl, title: HOSTILE.sourceTitle, publisher: HOSTILE.sourcePublisher, note: HOSTILE.sourceNote }],
  hero: { imageId: image.id },
});
const live = await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });
await addCorrection(editor, { articleId: story.id, version: live.version, kind: "CORRECTION", text: HOSTILE.correction });
await db.$disconnect();
