"use client";

import { useEffect } from "react";
import { signOut } from "next-auth/react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const { result, shown, onSubmit, pending, formRef, fieldErrors: errors } = useActionForm(changePasswordAction);
  useEffect(() => {
    // Every session ended with the change; sign in again with the new password.
    if (result?.ok) void signOut({ callbackUrl: "/login?reason=password-changed" });
  }, [result]);
  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      {shown?.ok ? <FormMessage kind="success">Password changed. Signing you out…</FormMessage> : null}
      {shown && !shown.ok && !shown.fieldErrors ? <FormMessage>{shown.error}</FormMessage> : null}
      <form ref={formRef} method="post" onSubmit={onSubmit} noValidate>
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          errors={errors?.currentPassword}
        />
        <TextField
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${minLength} characters. Common passwords are refused.`}
          errors={errors?.newPassword}
        />
        <TextField
          name="confirmPassword"
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          errors={errors?.confirmPassword}
        />
        <SubmitButton pending={pending} pendingLabel="Changing…">
          Change password
        </SubmitButton>
      </form>
    </section>
  );
}
