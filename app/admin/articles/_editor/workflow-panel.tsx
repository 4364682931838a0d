"use client";

import "@/lib/security/zod-jitless";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { EditorData } from "@/lib/articles/editor";
import { STATUS_LABELS } from "@/lib/articles/workflow";
import type { ArticleStatus } from "@/lib/db";
import { formatDateTime } from "@/lib/format/time";
import { StatusBadge } from "@/components/admin/status-badge";
import { FieldError } from "@/components/forms/field-error";
import { useAction } from "@/components/forms/use-action";
import { transitionArticleAction } from "../actions";
import { ReturnNoteField } from "./return-note-field";

const MOVE_LABELS: Partial<Record<ArticleStatus, string>> = {
  IN_REVIEW: "Submit for review",
  DRAFT: "Return to draft",
  UNPUBLISHED: "Unpublish",
};

/**
 * A move made in this tab whose new status is not shown yet (here or from "Publish…"): the story's
 * id, the status it left and the one it went to. Only that story's panel takes it up, and it is
 * dropped when the story shows a third status (a colleague moved it meanwhile).
 */
let expected: { id: string; from: ArticleStatus; to: ArticleStatus } | null = null;

/**
 * Tells the status panel that a move was made: once the story shows its new status (after the
 * refresh, or on the story's page that a new story's publish opens), the keyboard goes to the
 * status heading and the move is said. The button that made it is gone with the old status, and
 * focus would otherwise fall back to the page.
 */
export function expectMove(id: string, from: ArticleStatus, to: ArticleStatus) {
  expected = { id, from, to };
}

type Props = {
  article: EditorData;
  version: number;
  onVersion: (v: number) => void;
  dirty: boolean;
  timeZone: string;
};

/**
 * Status and the moves the viewer's role allows besides going live (which is "Publish…" on the
 * editor's bar, with its checklist and confirmation): submit, return to draft, unpublish.
 */
export function WorkflowPanel({ article, version, onVersion, dirty, timeZone }: Props) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const transition = useAction(transitionArticleAction);

  const move = async (to: ArticleStatus) => {
    const result = await transition.run({ id: article.id, version, to, reason });
    if (!result?.ok) return;
    // The reason went with this move; it is not waiting in the box for the next one.
    setReason("");
    onVersion(result.data.version);
    expectMove(article.id, article.status, to);
    router.refresh();
  };
  const heading = useRef<HTMLHeadingElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (expected?.id !== article.id || article.status === expected.from) return;
    const shown = expected.to === article.status;
    expected = null;
    if (!shown) return;
    heading.current?.focus();
    if (said.current) said.current.textContent = `Status: ${STATUS_LABELS[article.status]}.`;
  }, [article.id, article.status]);

  const others = article.moves.filter((m) => m !== "SCHEDULED" && m !== "PUBLISHED" && m !== "UNPUBLISHED");
  return (
    <section className="card workflow" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading" ref={heading} tabIndex={-1}>
        Status: <StatusBadge status={article.status} />
      </h2>
      <p id="workflow-moved" ref={said} role="status" className="visually-hidden" />
      {article.status === "SCHEDULED" && article.scheduledFor ? (
        <p>Goes live {formatDateTime(new Date(article.scheduledFor), timeZone)}.</p>
      ) : null}
      {article.status === "PUBLISHED" && article.firstPublishedAt ? (
        <p className="muted">First published {formatDateTime(new Date(article.firstPublishedAt), timeZone)}.</p>
      ) : null}
      {dirty && article.moves.length > 0 ? <p className="muted">Save your changes before changing the status.</p> : null}
      {transition.error && !transition.fieldErrors ? (
        <p className="field-error" role="alert">
          {transition.error}
        </p>
      ) : null}
      {article.status !== "DRAFT" && article.status !== "UNPUBLISHED" && article.moves.includes("DRAFT") ? (
        <ReturnNoteField value={reason} onChange={setReason} errors={transition.fieldErrors?.reason} />
      ) : null}
      {others.length > 0 ? (
        <div className="workflow-moves">
          {others.map((to) => (
            <button key={to} type="button" className="button secondary" disabled={dirty || transition.pending} onClick={() => move(to)}>
              {MOVE_LABELS[to] ?? STATUS_LABELS[to]}
            </button>
          ))}
        </div>
      ) : null}
      {article.moves.includes("UNPUBLISHED") ? (
        <div className="field">
          <label htmlFor="unpublish-reason">Reason for unpublishing (kept in the audit log)</label>
          <textarea
            id="unpublish-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby="reason-error"
            aria-invalid={transition.fieldErrors?.reason ? true : undefined}
          />
          <FieldError id="reason-error" errors={reason.trim() ? undefined : transition.fieldErrors?.reason} />
          {/* What the move does, said before it is made (lib/articles/mutations/transition.ts, lib/draft-links/mutations.ts). */}
          <p id="unpublish-does" className="field-hint">
            Readers lose the story at once (its address answers “not found”), and draft links made for it stop working.
          </p>
          <button
            type="button"
            className="button danger"
            aria-describedby="unpublish-does"
            disabled={dirty || transition.pending}
            onClick={() => move("UNPUBLISHED")}
          >
            Unpublish
          </button>
        </div>
      ) : null}
    </section>
  );
}
