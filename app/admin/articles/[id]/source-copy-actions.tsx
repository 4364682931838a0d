"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { FormMessage } from "@/components/forms/form-message";
import { markSourceSeenAction, refreshSourceCopyAction } from "../../sources/actions";

type Props = { articleId: string; url: string; title: string; canRefresh: boolean; unseenCheckId: string | null; pending: boolean };

/** A source's buttons in the editor: refresh its archived copy, mark the link checker's finding seen. */
export function SourceCopyActions({ articleId, url, title, canRefresh, unseenCheckId, pending }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const refreshing = useAction(refreshSourceCopyAction);
  const marking = useAction(markSourceSeenAction);
  // While a capture waits, the panel looks again every few seconds (it lands within seconds), for a minute at most.
  useEffect(() => {
    if (!pending) return;
    let left = 30;
    const timer = setInterval(() => (--left > 0 ? router.refresh() : clearInterval(timer)), 2000);
    return () => clearInterval(timer);
  }, [pending, router]);
  const refresh = async () => {
    const result = await refreshing.run({ articleId, url });
    if (!result) return;
    setMessage(
      result.ok
        ? { kind: "success", text: result.data.queued ? "A fresh copy is being made." : "A copy is already being made." }
        : { kind: "error", text: result.error },
    );
    if (result.ok) router.refresh();
  };
  const markSeen = async () => {
    const result = await marking.run({ checkId: unseenCheckId! });
    if (!result) return;
    setMessage(result.ok ? null : { kind: "error", text: result.error });
    if (result.ok) router.refresh();
  };
  return (
    <>
      <div className="row-actions">
        {canRefresh ? (
          <button
            type="button"
            className="button secondary"
            disabled={refreshing.pending}
            onClick={refresh}
            aria-label={`Refresh copy of ${title}`}
          >
            {refreshing.pending ? "Asking…" : "Refresh copy"}
          </button>
        ) : null}
        {unseenCheckId && canRefresh ? (
          <button
            type="button"
            className="button secondary"
            disabled={marking.pending}
            onClick={markSeen}
            aria-label={`Mark ${title} seen`}
          >
            Mark seen
          </button>
        ) : null}
      </div>
      {message ? <FormMessage kind={message.kind}>{message.text}</FormMessage> : null}
    </>
  );
}
