import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { isRecordId } from "@/lib/db/record-id";
import { ArticleForm } from "../_editor/article-form";
import { loadEditorOptions } from "../editor-options";
import { scheduleSuggestion, utcToZonedLocal } from "@/lib/format/time";

export const metadata: Metadata = { title: "New story" };

/**
 * A new story. Once its first save has created it, the address says `?story=<id>` (see
 * use-article-draft.ts): the editor's own refreshes and saves keep rendering this page, so the
 * form stays as it is, with focus and what is being typed; a page load of that address (a reload,
 * a copied link) opens the story itself. (The story's own address would render another route, and
 * Next.js would put a new editor in place of this one, mid-sentence.)
 */
export default async function NewArticlePage({ searchParams }: { searchParams: Promise<{ story?: string | string[] }> }) {
  const { story } = await searchParams;
  if (typeof story === "string" && isRecordId(story) && (await isPageLoad())) redirect(`/admin/articles/${story}`);
  const viewer = await requirePermission("article.create", "/admin/articles/new");
  const options = await loadEditorOptions(viewer);
  return (
    <>
      <h1>New story</h1>
      <ArticleForm initial={null} scheduledLocal={utcToZonedLocal(scheduleSuggestion(null), options.timeZone)} {...options} />
    </>
  );
}

/**
 * Whether this render is a page load (a reload, a link opened), as the browser says in
 * Sec-Fetch-Dest, and not the router's refresh, a prefetch or a Server Action's answer (fetches:
 * "empty"). Next.js hides its own router headers from headers(). A browser that does not send it
 * is sent on by the editor itself (article-form.tsx).
 */
async function isPageLoad(): Promise<boolean> {
  return (await headers()).get("sec-fetch-dest") === "document";
}
