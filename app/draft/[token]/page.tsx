import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { clientAddressFromHeaders } from "@/lib/auth/client-ip";
import { openDraftLink } from "@/lib/draft-links/queries";
import { getSiteSettings } from "@/lib/cache/public-data";
import { formatDateTime } from "@/lib/format/time";
import { ArticleView } from "@/components/article/article-view";

// Never indexed, never cached by anyone (scripts/server.ts, proxy.ts and lib/cache/http-policy.ts
// add the headers; Varnish passes /draft/), and never followed to other pages with the token in a Referer.
export const metadata: Metadata = {
  title: "Draft — not published",
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// GET /draft/:token – a draft's preview for someone without an account, while the link is neither expired nor revoked; each view is audited.
export default async function DraftLinkPage({ params }: Props) {
  const { token } = await params;
  const h = await headers();
  const opened = await openDraftLink(token, { ip: clientAddressFromHeaders(h) ?? undefined, userAgent: h.get("user-agent") ?? undefined });
  if (!opened) notFound();
  const { timeZone, language } = await getSiteSettings();
  return (
    <div className="preview">
      {/* A landmark of its own, so that a reader moving by landmarks meets it too. */}
      <aside aria-label="Draft notice">
        <p className="draft-banner" role="note" data-testid="draft-banner">
          Draft — not published. Shared with {opened.link.label} until {formatDateTime(opened.link.expiresAt, timeZone)}; please do not pass
          it on.
        </p>
      </aside>
      <ArticleView article={opened.article} timeZone={timeZone} language={language} />
    </div>
  );
}
