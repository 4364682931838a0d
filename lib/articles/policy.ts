import type { Prisma } from "../generated/prisma/client";
import { ArticleStatus } from "../generated/prisma/enums";
import { hasPermission, type Permission } from "../auth/permissions";
import type { Viewer } from "../auth/viewer";
import { allow, orThrow, refuse, type Decision } from "../auth/decision";
import { STATUS_LABELS } from "./workflow";

/**
 * The per-story rules, written once. The editor asks `storyPolicy` what to offer (which buttons
 * show) and every mutation asks `assertStory`/`assertMove` before it writes, so the UI can never
 * offer what the server refuses, nor hide what it allows. The role table is lib/auth/permissions.ts.
 */

/** What the rules need to know about a story. */
export type StoryFacts = {
  status: ArticleStatus;
  createdById: string | null;
  bylineUserIds: (string | null)[];
  /** Set once a story first went live; a story ever published can be unpublished, never deleted. */
  firstPublishedAt: Date | null;
};

export type StoryAction = "edit" | "delete" | "correct";

/** Statuses in which a writer may still change their own story (Ghost's contributor rule). */
export const WRITER_EDITABLE_STATUSES: readonly ArticleStatus[] = [ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW];

/** Each allowed move between statuses, and the permission it needs. Anything not listed is refused. */
export const TRANSITIONS: Record<ArticleStatus, Partial<Record<ArticleStatus, Permission>>> = {
  DRAFT: { IN_REVIEW: "article.submit", SCHEDULED: "article.schedule", PUBLISHED: "article.publish" },
  IN_REVIEW: { DRAFT: "article.submit", SCHEDULED: "article.schedule", PUBLISHED: "article.publish" },
  SCHEDULED: { DRAFT: "article.schedule", PUBLISHED: "article.publish" },
  PUBLISHED: { UNPUBLISHED: "article.unpublish" },
  UNPUBLISHED: { PUBLISHED: "article.publish", DRAFT: "article.unpublish" },
};

/** A writer's own story: one they created or one that carries their byline. */
export function isOwnStory(viewer: Viewer, story: Pick<StoryFacts, "createdById" | "bylineUserIds">): boolean {
  return story.createdById === viewer.id || story.bylineUserIds.includes(viewer.id);
}

/** May `viewer` do `action` to `story`? With the reason when not. */
export function decideStory(viewer: Viewer, story: StoryFacts, action: StoryAction): Decision {
  const own = isOwnStory(viewer, story);
  switch (action) {
    case "edit":
      // An editor edits anyone's story; a writer only their own, and only until it is scheduled or published.
      if (hasPermission(viewer.role, "article.editAny")) return allow;
      if (hasPermission(viewer.role, "article.editOwn") && own && WRITER_EDITABLE_STATUSES.includes(story.status)) return allow;
      return refuse("forbidden", "You cannot edit this story in its current status.");
    case "delete":
      // A story that was ever published keeps its address and corrections on record.
      if (story.firstPublishedAt) return refuse("invalid", "This story has been published, so it can only be unpublished, not deleted.");
      if (hasPermission(viewer.role, "article.delete")) return allow;
      if (hasPermission(viewer.role, "article.deleteOwn") && own && story.status === ArticleStatus.DRAFT) return allow;
      return refuse("forbidden", "You can delete only your own drafts.");
    case "correct":
      if (!hasPermission(viewer.role, "article.correct")) return refuse("forbidden", "Only editors can add corrections.");
      if (!story.firstPublishedAt) return refuse("invalid", "Only a story that has been published can carry a correction.");
      return allow;
  }
}

/** May `viewer` move `story` to status `to`? Writers move only their own stories (their desk scope). */
export function decideMove(viewer: Viewer, story: StoryFacts, to: ArticleStatus): Decision {
  const permission = TRANSITIONS[story.status][to];
  if (!permission) {
    return refuse(
      "invalid",
      `A story that is ${STATUS_LABELS[story.status].toLowerCase()} cannot be moved to ${STATUS_LABELS[to].toLowerCase()}.`,
    );
  }
  if (!hasPermission(viewer.role, permission))
    return refuse("forbidden", `Your role cannot move a story to ${STATUS_LABELS[to].toLowerCase()}.`);
  if (!maySeeStory(viewer, story)) {
    return refuse("forbidden", "You can move only your own stories.");
  }
  return allow;
}

/** Everything the editor offers this viewer on this story, from the same rules the server applies. */
export function storyPolicy(viewer: Viewer, story: StoryFacts) {
  return {
    canEdit: decideStory(viewer, story, "edit").allowed,
    canDelete: decideStory(viewer, story, "delete").allowed,
    canCorrect: decideStory(viewer, story, "correct").allowed,
    moves: (Object.keys(TRANSITIONS[story.status]) as ArticleStatus[]).filter((to) => decideMove(viewer, story, to).allowed),
  };
}

export const assertStory = (viewer: Viewer, story: StoryFacts, action: StoryAction) => orThrow(decideStory(viewer, story, action));
export const assertMove = (viewer: Viewer, story: StoryFacts, to: ArticleStatus) => orThrow(decideMove(viewer, story, to));

/** May `viewer` see `story` on the desk? The same rule as storyScope, for a story already read. */
export function maySeeStory(viewer: Viewer, story: Pick<StoryFacts, "createdById" | "bylineUserIds">): boolean {
  return hasPermission(viewer.role, "article.viewAll") || isOwnStory(viewer, story);
}

/**
 * Whether a viewer may know of a story by name (on a photo's page, in a refusal): a story they may
 * see on the desk, or a published one. Other people's drafts and scheduled stories stay unnamed.
 */
export function mayKnowOfStory(viewer: Viewer, story: Pick<StoryFacts, "status" | "createdById" | "bylineUserIds">): boolean {
  return story.status === "PUBLISHED" || maySeeStory(viewer, story);
}

/** The stories a viewer may see on the desk, as a query constraint (Payload-style access scope). */
export function storyScope(viewer: Viewer): Prisma.ArticleWhereInput {
  if (hasPermission(viewer.role, "article.viewAll")) return {};
  return { OR: [{ createdById: viewer.id }, { authors: { some: { author: { userId: viewer.id } } } }] };
}

/** The select that yields StoryFacts. */
export const storyFactsSelect = {
  status: true,
  createdById: true,
  firstPublishedAt: true,
  authors: { select: { author: { select: { userId: true } } } },
} satisfies Prisma.ArticleSelect;

export function toStoryFacts(row: Prisma.ArticleGetPayload<{ select: typeof storyFactsSelect }>): StoryFacts {
  return {
    status: row.status,
    createdById: row.createdById,
    firstPublishedAt: row.firstPublishedAt,
    bylineUserIds: row.authors.map((a) => a.author.userId),
  };
}

/**
 * What readers may see: published stories, and nothing else (not drafts, scheduled or unpublished
 * ones). Every public read, feed, sitemap, search and count asks this.
 */
export const readerVisibleWhere = { status: ArticleStatus.PUBLISHED } as const satisfies Prisma.ArticleWhereInput;
export const isReaderVisible = (status: ArticleStatus) => status === ArticleStatus.PUBLISHED;

/**
 * Tags and bylines readers may see: those on at least one story they can read. A tag or byline
 * made for a draft or an embargoed story names nothing public until that story runs (its page is
 * a 404, and it is in no sitemap and not in the open API).
 */
export const onReaderVisibleStoryWhere = { articles: { some: { article: readerVisibleWhere } } } as const;
