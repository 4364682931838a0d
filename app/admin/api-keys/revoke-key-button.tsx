"use client";

import { useState, useTransition } from "react";
import { revokeApiKeyAction } from "./actions";

export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="button danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Revoke “${name}”? Programs using it stop working at once.`)) return;
          startTransition(async () => {
            const r = await revokeApiKeyAction({ id }).catch(() => ({
              ok: false as const,
              error: "The server could not be reached. Try again.",
            }));
            setError(r.ok ? null : r.error);
          });
        }}
      >
        Revoke <span className="visually-hidden">{name}</span>
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </>
  );
}
