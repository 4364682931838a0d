import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { ArticleForm } from "../_editor/article-form";
import { loadEditorOptions } from "../editor-options";

export const metadata: Metadata = { title: "New story" };

export default async function NewArticlePage() {
  await requirePermission("article.create", "/admin/articles/new");
  const options = await loadEditorOptions();
  return (
    <>
      <h1>New story</h1>
      <ArticleForm initial={null} scheduledLocal="" {...options} />
    </>
  );
}
