"use client";

import "@/lib/security/zod-jitless";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { AUTHOR_KIND_LABELS, AUTHOR_KINDS, type AuthorKind } from "@/lib/authors/schema";
import { updateAuthorAction } from "../actions";

type Props = { author: { id: string; name: string; title: string; bio: string; kind: AuthorKind; updatedAt: string } };

/** A byline's name, title, bio and kind. What was typed stays in the form when the server refuses it. */
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
      <fieldset className="field" aria-describedby="field-kind-hint field-kind-error">
        <legend>This byline is</legend>
        {AUTHOR_KINDS.map((kind) => (
          <label key={kind} className="choice">
            <input type="radio" name="kind" value={kind} defaultChecked={author.kind === kind} /> {AUTHOR_KIND_LABELS[kind]}
          </label>
        ))}
        <span id="field-kind-hint" className="field-hint">
          Search engines read a story&rsquo;s bylines as people or organizations (its structured data says which).
        </span>
        <FieldError id="field-kind-error" errors={errors?.kind} />
      </fieldset>
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
