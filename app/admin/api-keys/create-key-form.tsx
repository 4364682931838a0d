"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { FieldError } from "@/components/forms/field-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { createApiKeyAction } from "./actions";

type Props = { users: { id: string; name: string; email: string; role: string }[]; scopes: { value: string; label: string }[] };

export function CreateKeyForm({ users, scopes }: Props) {
  const { result, onSubmit, pending, formRef, fieldErrors: errors } = useActionForm(createApiKeyAction, { resetOnSuccess: true });
  return (
    <section className="card" aria-labelledby="create-key-heading">
      <h2 id="create-key-heading">Make a key</h2>
      {result?.ok ? (
        <FormMessage kind="success">
          <p>
            Made the key “{result.data.name}” for {result.data.userName}. Copy it now: it is shown only this once, and only its hash is
            kept.
          </p>
          <p className="secret-box" data-testid="new-api-key">
            {result.data.token}
          </p>
        </FormMessage>
      ) : null}
      {result && !result.ok ? <FormMessage>{result.error}</FormMessage> : null}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <TextField
          name="name"
          label="Name"
          hint="The program that will use it, such as “Newsletter builder”."
          autoComplete="off"
          errors={errors?.name}
          required
        />
        <div className="field">
          <label htmlFor="field-userId">Acts as</label>
          <select id="field-userId" name="userId" defaultValue="" aria-describedby="field-userId-hint field-userId-error">
            <option value="" disabled>
              Choose a user
            </option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email}, {u.role.toLowerCase()})
              </option>
            ))}
          </select>
          <span id="field-userId-hint" className="field-hint">
            The key can do exactly what this user can do on the desk, no more.
          </span>
          <FieldError id="field-userId-error" errors={errors?.userId} />
        </div>
        <fieldset className="field">
          <legend>May</legend>
          {scopes.map((s, i) => (
            <label key={s.value} className="choice">
              <input type="radio" name="scope" value={s.value} defaultChecked={i === 0} /> {s.label}
            </label>
          ))}
          <FieldError id="field-scope-error" errors={errors?.scope} />
        </fieldset>
        <SubmitButton pending={pending} pendingLabel="Making…">
          Make key
        </SubmitButton>
      </form>
    </section>
  );
}
