// Run with tsx against the two-instance test's PostgreSQL (DATABASE_URL in the environment):
//   tsx e2e/multi/newsroom-helper.ts schedule <seconds>   a ready story by the E2E editor, scheduled <seconds> ahead; prints {id, slug}
//   tsx e2e/multi/newsroom-helper.ts published <id>       how many times it was published: {audits, revisions}
import "../../lib/ops/load-env";
import { db } from "../../lib/db";
import { createArticle, transitionArticle } from "../../lib/articles/mutations/index";
import { bodyFromParagraphs } from "../../lib/articles/body";
import type { Viewer } from "../../lib/auth/viewer";
import { ACCOUNTS } from "../env";

const [command, arg] = process.argv.slice(2);

if (command === "schedule") {
  const user = await db.user.findUniqueOrThrow({ where: { email: ACCOUNTS.editor.email } });
  const viewer: Viewer = { id: user.id, email: user.email, name: user.name, role: user.role };
  const section = await db.section.findUniqueOrThrow({ where: { slug: "climate" } });
  const author = await db.author.findFirstOrThrow({ where: { slug: "maria-okonkwo" } });
  const tag = Math.random().toString(36).slice(2, 8);
  const story = await createArticle(viewer, {
    headline: `Scheduled on two instances ${tag}`,
    slug: `scheduled-on-two-instances-${tag}`,
    dek: "Published once, whichever instance's scheduler gets there first.",
    dateline: "HARROW POINT",
    sectionId: section.id,
    authorIds: [author.id],
    body: bodyFromParagraphs(["“It goes live on its own,” the editor said."]),
    sources: [{ url: `https://example.org/${tag}`, title: "A source" }],
  });
  const scheduledFor = new Date(Date.now() + Number(arg) * 1000);
  await transitionArticle(viewer, { id: story.id, version: story.version, to: "SCHEDULED", scheduledFor });
  console.log(JSON.stringify({ id: story.id, slug: story.slug }));
} else if (command === "published") {
  const audits = await db.auditEvent.count({ where: { entityId: arg, action: "article.published" } });
  const revisions = await db.revision.count({ where: { articleId: arg, note: "Scheduled → Published" } });
  console.log(JSON.stringify({ audits, revisions }));
} else {
  console.error("Usage: tsx e2e/multi/newsroom-helper.ts schedule <seconds> | published <id>");
  process.exit(2);
}
await db.$disconnect();
