"use client";

import { useState, useTransition } from "react";
import { resendDeliveryAction } from "../actions";

export function ResendButton({ deliveryId }: { deliveryId: string }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await resendDeliveryAction({ deliveryId }).catch(() => ({
              ok: false as const,
              error: "The server could not be reached. Try again.",
            }));
            setMessage(r.ok ? { ok: true, text: "Queued again." } : { ok: false, text: r.error });
          })
        }
      >
        Send again
      </button>
      {message ? (
        <span role="status" className={message.ok ? "muted" : "field-error"}>
          {message.text}
        </span>
      ) : null}
    </>
  );
}
