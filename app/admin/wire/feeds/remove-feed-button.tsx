"use client";

import { useAction } from "@/components/forms/use-action";
import { removeWireFeedAction } from "../actions";

export function RemoveFeedButton({ id, name }: { id: string; name: string }) {
  const remove = useAction(removeWireFeedAction);
  return (
    <>
      <button
        type="button"
        className="button danger"
        disabled={remove.pending}
        onClick={() => {
          if (!window.confirm(`Stop polling “${name}”? The items it brought stay on the wire.`)) return;
          void remove.run({ id });
        }}
      >
        Remove <span className="visually-hidden">{name}</span>
      </button>
      {remove.error ? (
        <span role="alert" className="field-error">
          {remove.error}
        </span>
      ) : null}
    </>
  );
}
