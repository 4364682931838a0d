"use client";

import { useRouter } from "next/navigation";
import { useAction } from "@/components/forms/use-action";
import { cancelImportAction } from "./actions";

/** Asks a queued or running import to stop; says what happens, or why nothing did (it had finished, or was being cancelled). */
export function CancelImportButton({ id, fileName }: { id: string; fileName: string }) {
  const router = useRouter();
  const cancel = useAction(cancelImportAction);
  const said = cancel.result?.ok ? cancel.result.data.message : null;
  return (
    <>
      <button
        type="button"
        className="button danger"
        disabled={cancel.pending || said !== null}
        onClick={async () => {
          if (!window.confirm(`Cancel the import of “${fileName}”? It stops after the item it is on; what it has imported stays.`)) return;
          // The list then says "Cancelling"; a refusal stays here to be read.
          if ((await cancel.run({ id }))?.ok) router.refresh();
        }}
      >
        Cancel import <span className="visually-hidden">{fileName}</span>
      </button>
      {said ? (
        <span role="status" className="muted">
          {said}
        </span>
      ) : null}
      {cancel.error ? (
        <span role="alert" className="field-error">
          {cancel.error}
        </span>
      ) : null}
    </>
  );
}
