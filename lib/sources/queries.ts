import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { assertPermission } from "../auth/viewer";
import { storyScope } from "../articles/policy";
import { articlePath } from "../articles/path";

/** The Setting row that holds the hosts that opted out of archiving, one per line. */
export const ARCHIVE_OPT_OUT_KEY = "sourceArchiveOptOut";

/** The hosts Dateline never archives, and the version (time of the last save; "" before the first). */
export async function readArchiveOptOut(): Promise<{ hosts: string[]; version: string }> {
  const row = await db.setting.findUnique({ where: { key: ARCHIVE_OPT_OUT_KEY } });
  if (!row) return { hosts: [], version: "" };
  return { hosts: row.value.split("\n").filter(Boolean), version: row.updatedAt.toISOString() };
}

/** What an archived copy's page shows (lib/sources/archive-page.ts). */
const copySelect = {
  id: true,
  url: true,
  finalUrl: true,
  httpStatus: true,
  contentType: true,
  sha256: true,
  bytes: true,
  title: true,
  text: true,
  fetchedAt: true,
} as const;

/** An archived copy as its page shows it: only CAPTURED ones of a source a live story cites. */
export async function getArchivedCopy(id: string) {
  const row = await db.sourceCapture.findFirst({
    where: { id, state: "CAPTURED", article: { status: "PUBLISHED" } },
    select: { articleId: true, ...copySelect },
  });
  if (!row) return null;
  // Only while the story still cites it: a source taken off a story (a confidential page cited by
  // mistake) takes its copy with it, as taking the story down does.
  const { articleId, ...copy } = row;
  return (await db.sourceLink.count({ where: { articleId, url: copy.url } })) > 0 ? copy : null;
}

/**
 * A story's archived copy for the desk, whatever the story's status now: to whoever may see the
 * story (an unpublished story's copies were readable by nobody). Null for anyone else.
 */
export async function getStoryCopy(viewer: Viewer, articleId: string, captureId: string) {
  return db.sourceCapture.findFirst({
    where: { id: captureId, articleId, state: "CAPTURED", article: storyScope(viewer) },
    select: copySelect,
  });
}

const captureSelect = {
  id: true,
  url: true,
  state: true,
  trigger: true,
  httpStatus: true,
  finalUrl: true,
  error: true,
  bytes: true,
  fetchedAt: true,
} as const;

/** A story's sources as the editor's panel shows them: each with its newest captures and its link check. */
export async function listStorySourceCopies(viewer: Viewer, articleId: string) {
  const story = await db.article.findFirst({
    where: { AND: [{ id: articleId }, storyScope(viewer)] },
    select: {
      id: true,
      status: true,
      firstPublishedAt: true,
      sources: { select: { url: true, title: true, archivedUrl: true }, orderBy: { position: "asc" } },
      sourceCaptures: { select: captureSelect, orderBy: { fetchedAt: "desc" }, take: 500 },
      sourceChecks: true,
    },
  });
  if (!story) return null;
  const waiting = await db.job.findMany({
    where: { kind: "source-capture", doneAt: null, key: { startsWith: `${story.id}:` } },
    select: { payload: true },
  });
  const pending = new Set(waiting.map((j) => (JSON.parse(j.payload) as { url?: string }).url));
  return {
    status: story.status,
    // Copies are made once a story has been published; readers see them while it is live and cites them (getArchivedCopy).
    published: story.firstPublishedAt !== null,
    sources: story.sources.map((s) => {
      const captures = story.sourceCaptures.filter((c) => c.url === s.url);
      return {
        ...s,
        latest: captures[0] ?? null,
        copy: captures.find((c) => c.state === "CAPTURED") ?? null,
        history: captures.length,
        check: story.sourceChecks.find((c) => c.url === s.url) ?? null,
        pending: pending.has(s.url),
      };
    }),
  };
}
export type StorySourceCopies = NonNullable<Awaited<ReturnType<typeof listStorySourceCopies>>>;

/** The desk's "Sources to look at": link checks with a verdict, not yet seen first, newest first. */
export async function listSourcesToLookAt(viewer: Viewer, options: { seen: boolean; take?: number }) {
  assertPermission(viewer, "source.review");
  const rows = await db.sourceCheck.findMany({
    where: { verdict: { not: "OK" }, seenAt: options.seen ? { not: null } : null, article: { status: "PUBLISHED" } },
    orderBy: [{ verdictAt: "desc" }, { id: "asc" }],
    take: options.take ?? 200,
    select: {
      id: true,
      url: true,
      verdict: true,
      verdictAt: true,
      detail: true,
      similarity: true,
      lastStatus: true,
      lastFinalUrl: true,
      lastCheckedAt: true,
      seenAt: true,
      article: {
        select: {
          id: true,
          headline: true,
          slug: true,
          section: { select: { slug: true } },
          sources: { select: { url: true, title: true } },
          sourceCaptures: {
            where: { state: "CAPTURED" },
            select: { id: true, url: true, fetchedAt: true },
            orderBy: { fetchedAt: "desc" },
          },
        },
      },
    },
  });
  return rows.map(({ article, ...check }) => ({
    ...check,
    story: { id: article.id, headline: article.headline, path: articlePath(article) },
    title: article.sources.find((s) => s.url === check.url)?.title ?? check.url,
    copy: article.sourceCaptures.find((c) => c.url === check.url) ?? null,
  }));
}
export type SourceToLookAt = Awaited<ReturnType<typeof listSourcesToLookAt>>[number];
