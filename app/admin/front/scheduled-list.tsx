"use client";

import "@/lib/security/zod-jitless";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "@/components/forms/use-action";
import { FormMessage } from "@/components/forms/form-message";
import { cancelFrontLayoutAction } from "./actions";
import { quoted } from "@/lib/format/text";

type Item = { id: string; when: string; lead: string | null; pinned: number; by: string };

/** Arrangements waiting for their time, each with a Cancel button. */
export function ScheduledList({ items }: { items: Item[] }) {
  const router = useRouter();
  const cancelLayout = useAction(cancelFrontLayoutAction);
  // Which row's Cancel is in flight: the hook runs one call at a time.
  const [cancelling, setCancelling] = useState<string | null>(null);
  if (items.length === 0) return null;
  const cancel = async (id: string) => {
    setCancelling(id);
    const result = await cancelLayout.run({ id });
    setCancelling(null);
    if (result?.ok) router.refresh();
  };
  return (
    <section className="card" aria-labelledby="scheduled-heading" data-testid="front-scheduled">
      <h2 id="scheduled-heading">Scheduled changes</h2>
      {cancelLayout.error ? <FormMessage>{cancelLayout.error}</FormMessage> : null}
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id}>
            At <strong>{item.when}</strong>: lead {quoted(item.lead ?? "the newest story")}, {item.pinned} pinned (by {item.by}){" "}
            <button
              type="button"
              className="button secondary small"
              disabled={cancelLayout.pending && cancelling === item.id}
              onClick={() => cancel(item.id)}
            >
              Cancel
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
