"use client";

import { useAction } from "@/components/forms/use-action";
import { resendDeliveryAction } from "../actions";

export function ResendButton({ deliveryId }: { deliveryId: string }) {
  const resend = useAction(resendDeliveryAction);
  return (
    <>
      <button type="button" className="button secondary" disabled={resend.pending} onClick={() => void resend.run({ deliveryId })}>
        Send again
      </button>
      {resend.result ? (
        <span role="status" className={resend.result.ok ? "muted" : "field-error"}>
          {resend.result.ok ? "Queued again." : resend.result.error}
        </span>
      ) : null}
    </>
  );
}
