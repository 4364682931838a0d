"use client";

import { useAction } from "@/components/forms/use-action";
import { revokeApiKeyAction } from "./actions";

export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
  const revoke = useAction(revokeApiKeyAction);
  return (
    <>
      <button
        type="button"
        className="button danger"
        disabled={revoke.pending}
        onClick={() => {
          if (!window.confirm(`Revoke “${name}”? Programs using it stop working at once.`)) return;
          void revoke.run({ id });
        }}
      >
        Revoke <span className="visually-hidden">{name}</span>
      </button>
      {revoke.error ? (
        <span role="alert" className="field-error">
          {revoke.error}
        </span>
      ) : null}
    </>
  );
}
