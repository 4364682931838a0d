"use client";

import "@/lib/security/zod-jitless";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { EditorData } from "@/lib/articles/editor";
import { STATUS_LABELS } from "@/lib/articles/workflow";
import type { ArticleStatus } from "@/lib/db";
import { StatusBadge } from "@/components/admin/status-badge";
import { FieldError } from "@/components/forms/field-error";
import type { FieldErrors } from "@/lib/errors";
import { transitionArticleAction } from "../actions";

const MOVE_LABELS: Partial<Record<ArticleStatus, string>> = {
  IN_REVIEW: "Submit for review",
  DRAFT: "Return to draft",
  PUBLISHED: "Publish now",
  UNPUBLISHED: "Unpublish",
};

type Props = {
  article: EditorData;
  version: number;
  onVersion: (v: number) => void;
  dirty: boolean;
  timeZone: string;
  scheduledLocal: string;
};

/** Status and the moves the viewer's role allows: submit, schedule, publish, unpublish, return to draft. */
export function WorkflowPanel({ article, version, onVersion, dirty, timeZone, scheduledLocal }: Props) {
  const router = useRouter();
  const [when, setWhen] = useState(scheduledLocal);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors | undefined>();
  const [pending, setPending] = useState(false);

  const move = async (to: ArticleStatus) => {
    if (pending) return;
    setPending(true);
    const result = await transitionArticleAction({
      id: article.id,
      version,
      to,
      reason,
      scheduledLocal: to === "SCHEDULED" ? when : undefined,
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      setErrors(result.fieldErrors);
      return;
    }
    setError(null);
    setErrors(undefined);
    onVersion(result.data.version);
    router.refresh();
  };

  const goesLive = article.moves.includes("PUBLISHED") || article.moves.includes("SCHEDULED");
  return (
    <section className="card workflow" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">
        Status: <StatusBadge status={article.status} />
      </h2>
      {article.status === "SCHEDULED" && article.scheduledFor ? (
        <p>
          Goes live {new Date(article.scheduledFor).toLocaleString([], { timeZone, dateStyle: "medium", timeStyle: "short" })} ({timeZone}).
        </p>
      ) : null}
      {goesLive && article.problems.length > 0 ? (
        <div className="form-message error" role="note">
          Before it can go live this story needs: {article.problems.join(", ")}.
        </div>
      ) : null}
      {dirty ? <p className="muted">Save your changes before changing the status.</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="workflow-moves">
        {article.moves
          .filter((m) => m !== "SCHEDULED" && m !== "UNPUBLISHED")
          .map((to) => (
            <button
              key={to}
              type="button"
              className={to === "PUBLISHED" ? "button" : "button secondary"}
              disabled={dirty || pending}
              onClick={() => move(to)}
            >
              {MOVE_LABELS[to] ?? STATUS_LABELS[to]}
            </button>
          ))}
      </div>
      {article.moves.includes("SCHEDULED") ? (
        <div className="field">
          <label htmlFor="schedule-at">Publish at ({timeZone})</label>
          <input
            id="schedule-at"
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            aria-describedby="schedule-error"
          />
          <FieldError id="schedule-error" errors={errors?.scheduledFor} />
          <button type="button" className="button secondary" disabled={dirty || pending || !when} onClick={() => move("SCHEDULED")}>
            Schedule
          </button>
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
          />
          <FieldError id="reason-error" errors={errors?.reason} />
          <button type="button" className="button danger" disabled={dirty || pending} onClick={() => move("UNPUBLISHED")}>
            Unpublish
          </button>
        </div>
      ) : null}
    </section>
  );
}
