"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { FieldError } from "@/components/forms/field-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { createUserAction } from "./actions";

export function CreateUserForm() {
  const { result, onSubmit, pending, formRef, fieldErrors: errors } = useActionForm(createUserAction, { resetOnSuccess: true });
  return (
    <section className="card" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Add a user</h2>
      {result?.ok ? (
        <FormMessage kind="success">
          <p>
            Created {result.data.name} ({result.data.email}). Their temporary password, shown only this once:
          </p>
          <p className="secret-box" data-testid="temporary-password">
            {result.data.temporaryPassword}
          </p>
          <p>Give it to them privately. When they first sign in they must choose their own password before anything else.</p>
        </FormMessage>
      ) : null}
      {result && !result.ok ? <FormMessage>{result.error}</FormMessage> : null}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <TextField name="name" label="Name" autoComplete="off" errors={errors?.name} required />
        <TextField name="email" label="Email" type="email" autoComplete="off" errors={errors?.email} required />
        <div className="field">
          <label htmlFor="field-role">Role</label>
          <select id="field-role" name="role" defaultValue="WRITER" aria-describedby="field-role-error">
            <option value="WRITER">Writer: drafts and submits for review</option>
            <option value="EDITOR">Editor: edits, publishes and corrects any story</option>
            <option value="ADMIN">Admin: also manages users, sections and settings</option>
          </select>
          <FieldError id="field-role-error" errors={errors?.role} />
        </div>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create user
        </SubmitButton>
      </form>
    </section>
  );
}
