import type { Prisma } from "../generated/prisma/client";
import { ArticleStatus } from "../generated/prisma/enums";
import { hasPermission } from "../auth/permissions";
import type { Viewer } from "../auth/viewer";

/** What the per-article rules need to know about a story. */
export type StoryFacts = {
  status: ArticleStatus;
  createdById: string | null;
  bylineUserIds: (string | null)[];
};

/** Statuses in which a writer may still change their own story (Ghost's contributor rule). */
export const WRITER_EDITABLE_STATUSES: readonly ArticleStatus[] = [ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW];

export function isOwnStory(viewer: Viewer, article: StoryFacts): boolean {
  return article.createdById === viewer.id || article.bylineUserIds.includes(viewer.id);
}

/** An editor edits anyone's story; a writer edits only their own, and only until it is scheduled or published. */
export function canEditArticle(viewer: Viewer, article: StoryFacts): boolean {
  if (hasPermission(viewer.role, "article.editAny")) return true;
  return (
    hasPermission(viewer.role, "article.editOwn") && isOwnStory(viewer, article) && WRITER_EDITABLE_STATUSES.includes(article.status)
  );
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
  authors: { select: { author: { select: { userId: true } } } },
} satisfies Prisma.ArticleSelect;

export function toStoryFacts(row: Prisma.ArticleGetPayload<{ select: typeof storyFactsSelect }>): StoryFacts {
  return { status: row.status, createdById: row.createdById, bylineUserIds: row.authors.map((a) => a.author.userId) };
}
