import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getArticlePreview } from "@/lib/articles/queries";
import { STATUS_LABELS } from "@/lib/articles/workflow";
import { ArticleView } from "@/components/article/article-view";
import { getSiteSettings } from "@/lib/cache/public-data";
import { quoted } from "@/lib/format/text";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const article = await getArticlePreview(await requireUser(`/admin/articles/${id}/preview`), id);
  return { title: article ? `Preview of ${quoted(article.headline)}` : "Story not found", robots: { index: false, follow: false } };
}

// Signed-in editors only: a signed-out reader is sent to sign in, never shown the draft.
export default async function PreviewPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireUser(`/admin/articles/${id}/preview`);
  const [article, { timeZone, language }] = await Promise.all([getArticlePreview(viewer, id), getSiteSettings()]);
  if (!article) notFound();
  return (
    <div className="preview">
      <p className="preview-banner" role="note">
        Preview · {STATUS_LABELS[article.status]} · readers cannot see this page
      </p>
      <ArticleView article={article} timeZone={timeZone} language={language} as="div" />
    </div>
  );
}
