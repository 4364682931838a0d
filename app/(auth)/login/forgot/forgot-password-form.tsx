"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { requestPasswordResetAction } from "../actions";

export function ForgotPasswordForm() {
  const { shown, onSubmit, pending, fieldErrors } = useActionForm(requestPasswordResetAction);
  return (
    <form onSubmit={onSubmit} noValidate>
      {shown?.ok ? <FormMessage kind="success">{shown.data.message}</FormMessage> : null}
      {shown && !shown.ok && !shown.fieldErrors ? <FormMessage>{shown.error}</FormMessage> : null}
      <TextField name="email" label="Email" type="email" autoComplete="username" required autoFocus errors={fieldErrors?.email} />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send me a reset link
      </SubmitButton>
    </form>
  );
}
