"use client";

import { useRouter } from "next/navigation";
import { useAction } from "@/components/forms/use-action";
import { FormMessage } from "@/components/forms/form-message";
import { markSourceSeenAction } from "./actions";

/** Marks one finding of the link checker seen; it comes back if the verdict changes again. */
export function MarkSeenButton({ checkId, title }: { checkId: string; title: string }) {
  const router = useRouter();
  const marking = useAction(markSourceSeenAction);
  const mark = async () => {
    const result = await marking.run({ checkId });
    if (result?.ok) router.refresh();
  };
  return (
    <div className="row-actions">
      <button type="button" className="button secondary" disabled={marking.pending} onClick={mark} aria-label={`Mark ${title} seen`}>
        {marking.pending ? "Marking…" : "Mark seen"}
      </button>
      {marking.error ? <FormMessage>{marking.error}</FormMessage> : null}
    </div>
  );
}
