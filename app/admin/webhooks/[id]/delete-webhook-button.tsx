"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteWebhookAction } from "../actions";

export function DeleteWebhookButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="button danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Remove the webhook “${name}” and its delivery log?`)) return;
          startTransition(async () => {
            const r = await deleteWebhookAction({ id }).catch(() => ({
              ok: false as const,
              error: "The server could not be reached. Try again.",
            }));
            if (r.ok) router.push("/admin/webhooks");
            else setError(r.error);
          });
        }}
      >
        Remove webhook
      </button>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}
