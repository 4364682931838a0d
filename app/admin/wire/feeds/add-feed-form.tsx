"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { addWireFeedAction } from "../actions";

export function AddFeedForm() {
  const { shown, onSubmit, pending, formRef, fieldErrors: errors } = useActionForm(addWireFeedAction, { resetOnSuccess: true });
  return (
    <section className="card" aria-labelledby="add-feed-heading">
      <h2 id="add-feed-heading">Add a feed</h2>
      {shown?.ok ? <FormMessage kind="success">Added. It is fetched within a minute, then at its interval.</FormMessage> : null}
      {shown && !shown.ok ? <FormMessage>{shown.error}</FormMessage> : null}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <TextField name="name" label="Name" autoComplete="off" errors={errors?.name} required />
        <TextField name="url" label="Address" type="url" hint="http:// or https://" autoComplete="off" errors={errors?.url} required />
        <TextField
          name="agency"
          label="Agency"
          hint="Whose copy it is; the desk lists and filters items by it."
          errors={errors?.agency}
          required
        />
        <TextField
          name="intervalMin"
          label="Minutes between fetches"
          type="number"
          defaultValue="15"
          errors={errors?.intervalMin}
          required
        />
        <SubmitButton pending={pending} pendingLabel="Adding…">
          Add feed
        </SubmitButton>
      </form>
    </section>
  );
}
