"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { FieldError } from "@/components/forms/field-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { createWebhookAction } from "./actions";

export function CreateWebhookForm({ events }: { events: { value: string; label: string }[] }) {
  const { result, onSubmit, pending, formRef, fieldErrors: errors } = useActionForm(createWebhookAction, { resetOnSuccess: true });
  return (
    <section className="card" aria-labelledby="create-webhook-heading">
      <h2 id="create-webhook-heading">Add a webhook</h2>
      {result?.ok ? (
        <FormMessage kind="success">
          <p>Added “{result.data.name}”. Its signing secret, shown only this once (the receiver checks each event’s signature with it):</p>
          <p className="secret-box" data-testid="webhook-secret">
            {result.data.secret}
          </p>
        </FormMessage>
      ) : null}
      {result && !result.ok ? <FormMessage>{result.error}</FormMessage> : null}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <TextField name="name" label="Name" autoComplete="off" errors={errors?.name} required />
        <TextField
          name="url"
          label="URL"
          type="url"
          hint="Events are POSTed here as JSON."
          autoComplete="off"
          errors={errors?.url}
          required
        />
        <fieldset className="field" aria-describedby="field-events-error">
          <legend>Events</legend>
          {events.map((e) => (
            <label key={e.value} className="choice">
              <input type="checkbox" name="events" value={e.value} /> {e.label} <code>{e.value}</code>
            </label>
          ))}
          <FieldError id="field-events-error" errors={errors?.events} />
        </fieldset>
        <SubmitButton pending={pending} pendingLabel="Adding…">
          Add webhook
        </SubmitButton>
      </form>
    </section>
  );
}
