"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateArchiveOptOutAction } from "./actions";

/** The hosts Dateline never archives (issue 19), one per line. What was typed stays when the server refuses it. */
export function ArchiveOptOutForm({ hosts, version }: { hosts: string[]; version: string }) {
  const router = useRouter();
  const { result, shown, onSubmit, pending, formRef, fieldErrors } = useActionForm(updateArchiveOptOutAction);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  const current = result?.ok ? result.data.version : version;
  return (
    <form ref={formRef} className="card narrow-form" onSubmit={onSubmit} noValidate aria-label="Archived copies">
      <h2>Archived copies of sources</h2>
      {shown?.ok ? (
        <FormMessage kind="success">
          Saved.{" "}
          {shown.data.hosts.length
            ? `${shown.data.hosts.length} host${shown.data.hosts.length === 1 ? "" : "s"} opted out.`
            : "No host opted out."}
        </FormMessage>
      ) : null}
      {shown && !shown.ok && !shown.fieldErrors ? <FormMessage>{shown.error}</FormMessage> : null}
      <input type="hidden" name="version" value={current} />
      <div className="field">
        <label htmlFor="field-hosts">Hosts that opted out</label>
        <textarea
          id="field-hosts"
          name="hosts"
          rows={5}
          defaultValue={hosts.join("\n")}
          aria-describedby="field-hosts-hint field-hosts-error"
          aria-invalid={fieldErrors?.hosts ? true : undefined}
          spellCheck={false}
        />
        <span id="field-hosts-hint" className="field-hint">
          One host per line, such as example.org (its subdomains too). Dateline makes no archived copy of their pages; pages that say
          noarchive are never copied either.
        </span>
        <FieldError id="field-hosts-error" errors={fieldErrors?.hosts} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save hosts
      </SubmitButton>
    </form>
  );
}
