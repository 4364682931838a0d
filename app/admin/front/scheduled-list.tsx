"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { callAction } from "@/components/forms/call-action";
import { FormMessage } from "@/components/forms/form-message";
import { cancelFrontLayoutAction } from "./actions";

type Item = { id: string; when: string; lead: string | null; pinned: number; by: string };

/** Arrangements waiting for their time, each with a Cancel button. */
export function ScheduledList({ items }: { items: Item[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  if (items.length === 0) return null;
  const cancel = async (id: string) => {
    setPending(id);
    const result = await callAction(() => cancelFrontLayoutAction({ id }));
    setPending(null);
    setError(result.ok ? null : result.error);
    if (result.ok) router.refresh();
  };
  return (
    <section className="card" aria-labelledby="scheduled-heading" data-testid="front-scheduled">
      <h2 id="scheduled-heading">Scheduled changes</h2>
      {error ? <FormMessage>{error}</FormMessage> : null}
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id}>
            At <strong>{item.when}</strong>: lead “{item.lead ?? "the newest story"}”, {item.pinned} pinned (by {item.by}){" "}
            <button type="button" className="button secondary small" disabled={pending === item.id} onClick={() => cancel(item.id)}>
              Cancel
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
