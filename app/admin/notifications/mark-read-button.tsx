"use client";

import { useRouter } from "next/navigation";
import { useAction } from "@/components/forms/use-action";
import { markNotificationsReadAction } from "./actions";

/** "Mark read" for one notification, or "Mark all as read". */
export function MarkReadButton({ ids, all = false, label }: { ids?: string[]; all?: boolean; label: string }) {
  const router = useRouter();
  const markRead = useAction(markNotificationsReadAction);
  return (
    <>
      <button
        type="button"
        className="button secondary small"
        disabled={markRead.pending}
        onClick={async () => {
          const result = await markRead.run({ ids: ids ?? [], all });
          if (result?.ok) router.refresh();
        }}
      >
        {label}
      </button>
      {markRead.error ? (
        <span className="field-error" role="alert">
          {markRead.error}
        </span>
      ) : null}
    </>
  );
}
