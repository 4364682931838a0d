"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { callAction } from "@/components/forms/call-action";
import { markNotificationsReadAction } from "./actions";

/** "Mark read" for one notification, or "Mark all as read". */
export function MarkReadButton({ ids, all = false, label }: { ids?: string[]; all?: boolean; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button secondary small"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await callAction(() => markNotificationsReadAction({ ids: ids ?? [], all }));
          setPending(false);
          setError(result.ok ? null : result.error);
          if (result.ok) router.refresh();
        }}
      >
        {label}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
