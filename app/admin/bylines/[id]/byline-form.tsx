"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateAuthorAction } from "../actions";

type Props = { author: { id: string; name: string; title: string; bio: string; updatedAt: string } };

/** A byline's name, title and bio. What was typed stays in the form when the server refuses it. */
export function BylineForm({ author }: Props) {
  const router = useRouter();
  const { result, shown, onSubmit, pending, formRef, fieldErrors: errors } = useActionForm(updateAuthorAction);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <form ref={formRef} className="card narrow-form" onSubmit={onSubmit} noValidate>
      {shown?.ok ? <FormMessage kind="success">Saved. The byline page and the stories with this byline show it now.</FormMessage> : null}
      {shown && !shown.ok ? <FormMessage>{shown.error}</FormMessage> : null}
      <input type="hidden" name="id" value={author.id} />
      {/* After a save the page reloads with the new time, so the next save is not a conflict with itself. */}
      <input type="hidden" name="updatedAt" value={result?.ok ? result.data.updatedAt : author.updatedAt} />
      <TextField name="name" label="Name" defaultValue={author.name} required maxLength={120} errors={errors?.name} />
      <TextField
        name="title"
        label="Title"
        hint="Shown under the name, e.g. Climate correspondent."
        defaultValue={author.title}
        maxLength={120}
        errors={errors?.title}
      />
      <div className="field">
        <label htmlFor="field-bio">Bio</label>
        <textarea
          id="field-bio"
          name="bio"
          rows={6}
          defaultValue={author.bio}
          maxLength={2000}
          aria-describedby="field-bio-hint field-bio-error"
          aria-invalid={errors?.bio?.length ? true : undefined}
        />
        <span id="field-bio-hint" className="field-hint">
          Plain text, up to 2000 characters. Readers see it on the byline page.
        </span>
        <FieldError id="field-bio-error" errors={errors?.bio} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save byline
      </SubmitButton>
    </form>
  );
}
