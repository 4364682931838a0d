import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { ArticleForm } from "../_editor/article-form";
import { loadEditorOptions } from "../editor-options";
import { scheduleSuggestion, utcToZonedLocal } from "@/lib/format/time";

export const metadata: Metadata = { title: "New story" };

export default async function NewArticlePage() {
  const viewer = await requirePermission("article.create", "/admin/articles/new");
  const options = await loadEditorOptions(viewer);
  return (
    <>
      <h1>New story</h1>
      <ArticleForm initial={null} scheduledLocal={utcToZonedLocal(scheduleSuggestion(null), options.timeZone)} {...options} />
    </>
  );
}
