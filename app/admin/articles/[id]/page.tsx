import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { getEditorData } from "@/lib/articles/editor";
import { scheduleSuggestion, utcToZonedLocal } from "@/lib/format/time";
import { ArticleForm } from "../_editor/article-form";
import { loadEditorOptions } from "../editor-options";
import { StoryCollaboration } from "./story-collaboration";
import { SourceCopiesPanel } from "./source-copies-panel";
import { quoted } from "@/lib/format/text";
import { namedLanguage } from "@/lib/settings/language";

type Props = { params: Promise<{ id: string }> };

/** The tab names the story: an editor with several open finds the one they want. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const article = await getEditorData(await requireUser(`/admin/articles/${id}`), id);
  return { title: article ? `Edit ${quoted(article.fields.headline)}` : "Story not found" };
}

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireUser(`/admin/articles/${id}`);
  const [article, options] = await Promise.all([getEditorData(viewer, id), loadEditorOptions(viewer)]);
  if (!article) notFound();
  return (
    <>
      <h1 className="visually-hidden">Edit story</h1>
      <StoryCollaboration
        articleId={article.id}
        status={article.status}
        version={article.version}
        timeZone={options.timeZone}
        shareDrafts={hasPermission(viewer.role, "draftLink.manage")}
      >
        <ArticleForm
          key={article.id}
          initial={article}
          scheduledLocal={utcToZonedLocal(scheduleSuggestion(article.scheduledFor), options.timeZone)}
          {...options}
          language={{ ...options.language, saved: namedLanguage(article.fields.language) }}
        />
      </StoryCollaboration>
      <SourceCopiesPanel viewer={viewer} articleId={article.id} timeZone={options.timeZone} />
    </>
  );
}
