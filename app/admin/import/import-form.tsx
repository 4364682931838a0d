"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ImportReport } from "@/lib/import/wordpress/run";
import { FormMessage } from "@/components/forms/form-message";
import { CANCELLABLE_STATUSES, ENDED_STATUSES } from "@/lib/import/schema";
import { CancelImportButton } from "./cancel-import-button";
import { ImportReportView } from "./report-view";

type Status = { id: string; fileName: string; status: string; processed: number; error: string | null; report: ImportReport | null };

async function send(url: string, body?: File): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: body ? { "content-type": "application/octet-stream" } : undefined,
    // A large file is sent as it is read, never held in the page.
    credentials: "same-origin",
  });
  const data = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new Error(data.error ?? `The server answered ${response.status}.`);
  return data;
}

/** Uploads a WXR file (and an optional zip of the uploads folder), starts the import and follows it to its report. */
export function ImportForm() {
  const router = useRouter();
  const [step, setStep] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setFileError(null);
    setStatus(null);
    const form = new FormData(event.currentTarget);
    const wxr = form.get("wxr");
    const zip = form.get("uploads");
    if (!(wxr instanceof File) || wxr.size === 0) {
      setFileError("Choose the WordPress export file (WXR, .xml).");
      return;
    }
    try {
      setStep(`Uploading ${wxr.name}…`);
      const { id } = (await send(`/api/admin/import?name=${encodeURIComponent(wxr.name)}`, wxr)) as { id: string };
      if (zip instanceof File && zip.size > 0) {
        setStep(`Uploading ${zip.name}…`);
        await send(`/api/admin/import/${id}/uploads`, zip);
      }
      setStep("Starting the import…");
      await send(`/api/admin/import/${id}/start`);
      for (;;) {
        const response = await fetch(`/api/admin/import/${id}`, { cache: "no-store" });
        const current = (await response.json()) as Status;
        setStatus(current);
        if (ENDED_STATUSES.includes(current.status)) break;
        setStep(
          current.status === "cancelling"
            ? `Cancelling: ${current.processed} items done, it stops after the one it is on…`
            : `Importing: ${current.processed} items done…`,
        );
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      setStep(null);
      router.refresh();
    } catch (e) {
      setStep(null);
      setError(e instanceof Error ? e.message : "The import could not be started.");
    }
  }

  return (
    <>
      <form className="card narrow-form" onSubmit={onSubmit} noValidate aria-label="WordPress import">
        {error ? <FormMessage>{error}</FormMessage> : null}
        <div className="field">
          <label htmlFor="field-wxr">WordPress export (WXR)</label>
          <input
            id="field-wxr"
            name="wxr"
            type="file"
            accept=".xml,application/xml,text/xml"
            aria-describedby="field-wxr-hint field-wxr-error"
            aria-invalid={fileError ? true : undefined}
          />
          <span id="field-wxr-hint" className="field-hint">
            In WordPress: Tools → Export → All content. Any size: it is sent to the server as it is read.
          </span>
          {fileError ? (
            <span id="field-wxr-error" className="field-error" role="alert">
              {fileError}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="field-uploads">Uploads folder, zipped (optional)</label>
          <input id="field-uploads" name="uploads" type="file" accept=".zip,application/zip" aria-describedby="field-uploads-hint" />
          <span id="field-uploads-hint" className="field-hint">
            A zip of wp-content/uploads, for the photos. Without it, stories come over without their photos.
          </span>
        </div>
        {/* What it is doing is said once, in the status line below (the button said it too). */}
        <button className="button" type="submit" disabled={step !== null}>
          {step ? "Importing…" : "Import"}
        </button>
        {step ? (
          <p className="muted" role="status">
            {step}
          </p>
        ) : null}
        {status && CANCELLABLE_STATUSES.includes(status.status) ? <CancelImportButton id={status.id} fileName={status.fileName} /> : null}
      </form>
      {status?.status === "failed" ? <FormMessage>The import failed: {status.error}</FormMessage> : null}
      {(status?.status === "done" || status?.status === "cancelled") && status.report ? <ImportReportView report={status.report} /> : null}
    </>
  );
}
