import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { hasPermission } from "@/lib/auth/permissions";
import { listStorySourceCopies } from "@/lib/sources/queries";
import { archiveHref } from "@/lib/sources/archive-url";
import { deskCopyHref } from "@/lib/sources/archive-origin";
import { CAPTURE_STATE_LABELS, VERDICT_LABELS } from "@/lib/sources/labels";
import { formatDateTime } from "@/lib/format/time";
import { CheckSourcesButton } from "./check-sources-button";
import { SourceCopyActions } from "./source-copy-actions";

type Props = { viewer: Viewer; articleId: string; timeZone: string };

/**
 * Under the editor: each saved source's archived copy (time, status, final address, a link to the
 * text), the link checker's finding, and (editors) "Refresh copy", "Mark seen" and "Check sources now".
 */
export async function SourceCopiesPanel({ viewer, articleId, timeZone }: Props) {
  const data = await listStorySourceCopies(viewer, articleId);
  if (!data || data.sources.length === 0) return null;
  const canRefresh = hasPermission(viewer.role, "source.refresh") && data.published;
  const live = data.status === "PUBLISHED";
  const at = (d: Date) => formatDateTime(d, timeZone);
  return (
    <section className="card source-copies" aria-labelledby="source-copies-heading">
      <h2 id="source-copies-heading">Archived copies and link checks</h2>
      <p className="field-hint">
        Dateline keeps a copy of each source when the story is published and checks live stories&apos; sources every day. Readers see the
        copy beside the source.{" "}
        {hasPermission(viewer.role, "source.review") ? <Link href="/admin/sources">All sources to look at</Link> : null}
      </p>
      <ol>
        {data.sources.map((s) => {
          const check = s.check;
          const flagged = check && check.verdict !== "OK" ? check : null;
          return (
            <li key={s.url} aria-label={`Source: ${s.title}`}>
              <strong>{s.title}</strong> <code className="source-copy-facts">{s.url}</code>
              <span className="source-copy-facts">
                {s.copy ? (
                  <>
                    <span className="badge capture-CAPTURED">Copied</span> {at(s.copy.fetchedAt)}
                    {s.copy.httpStatus !== null ? ` · HTTP ${s.copy.httpStatus}` : ""}
                    {s.copy.finalUrl && s.copy.finalUrl !== s.url ? ` · ends at ${s.copy.finalUrl}` : ""} ·{" "}
                    {live ? (
                      <a href={archiveHref(s.copy.id)} target="_blank" rel="noopener noreferrer">
                        Read the copy
                      </a>
                    ) : (
                      <>
                        <a href={deskCopyHref(articleId, s.copy.id)} target="_blank" rel="noopener noreferrer">
                          Read the copy
                        </a>{" "}
                        (readers see it while the story is live)
                      </>
                    )}
                    {s.history > 1 ? ` · ${s.history} captures kept` : ""}
                  </>
                ) : s.pending ? (
                  "A copy is being made…"
                ) : s.latest ? null : live ? (
                  "No copy yet."
                ) : (
                  "A copy is made when the story is published."
                )}
              </span>
              {s.latest && s.latest.state !== "CAPTURED" ? (
                <span className="source-copy-facts">
                  <span className={`badge capture-${s.latest.state}`}>{CAPTURE_STATE_LABELS[s.latest.state]}</span> {at(s.latest.fetchedAt)}
                  {s.latest.error ? `: ${s.latest.error}` : ""}
                </span>
              ) : null}
              {s.pending && s.copy ? <span className="source-copy-facts">A fresh copy is being made…</span> : null}
              {s.archivedUrl ? (
                <span className="source-copy-facts">
                  Archive address you gave: <a href={s.archivedUrl}>{s.archivedUrl}</a>
                </span>
              ) : null}
              {check?.lastCheckedAt ? (
                <span className="source-copy-facts">
                  <span className={`badge verdict-${check.verdict}`}>{VERDICT_LABELS[check.verdict]}</span>
                  {flagged?.verdictAt ? ` since ${at(flagged.verdictAt)}` : ""}
                  {check.detail ? ` · ${check.detail}` : ""} · last checked {at(check.lastCheckedAt)}
                  {flagged?.seenAt ? " · seen" : ""}
                </span>
              ) : null}
              <SourceCopyActions
                articleId={articleId}
                url={s.url}
                title={s.title}
                canRefresh={canRefresh}
                unseenCheckId={flagged && !flagged.seenAt ? flagged.id : null}
                pending={s.pending}
              />
            </li>
          );
        })}
      </ol>
      {live && canRefresh ? <CheckSourcesButton articleId={articleId} /> : null}
    </section>
  );
}
