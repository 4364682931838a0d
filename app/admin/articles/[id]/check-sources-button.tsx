"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { FormMessage } from "@/components/forms/form-message";
import { checkStorySourcesAction } from "../../sources/actions";

/** "Check sources now": the link checker's pass over this live story's sources, at once. */
export function CheckSourcesButton({ articleId }: { articleId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const checking = useAction(checkStorySourcesAction, { timeoutMs: 90_000 });
  const check = async () => {
    const result = await checking.run({ articleId });
    if (!result) return;
    setMessage(
      result.ok
        ? {
            kind: "success",
            text: `Checked ${result.data.checked} source${result.data.checked === 1 ? "" : "s"}; ${result.data.changed ? `${result.data.changed} changed verdict` : "no verdict changed"}.`,
          }
        : { kind: "error", text: result.error },
    );
    if (result.ok) router.refresh();
  };
  return (
    <>
      <button type="button" className="button secondary" disabled={checking.pending} onClick={check}>
        {checking.pending ? "Checking…" : "Check sources now"}
      </button>
      {message ? <FormMessage kind={message.kind}>{message.text}</FormMessage> : null}
    </>
  );
}
