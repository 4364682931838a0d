"use client";

import { useAction } from "@/components/forms/use-action";
import { resendDeliveryAction } from "../actions";

/** "Send again", named for its delivery (`name`: its event, story and time: one story's updates are as many rows of the same event) where a screen reader lists the buttons. */
export function ResendButton({ deliveryId, name }: { deliveryId: string; name: string }) {
  const resend = useAction(resendDeliveryAction);
  return (
    <>
      <button type="button" className="button secondary" disabled={resend.pending} onClick={() => void resend.run({ deliveryId })}>
        Send again <span className="visually-hidden">{name}</span>
      </button>
      {resend.result ? (
        <span role="status" className={resend.result.ok ? "muted" : "field-error"}>
          {resend.result.ok ? "Queued again." : resend.result.error}
        </span>
      ) : null}
    </>
  );
}
