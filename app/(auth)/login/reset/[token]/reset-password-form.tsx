"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { resetPasswordAction } from "../../actions";

export function ResetPasswordForm({ token, email, minLength }: { token: string; email: string; minLength: number }) {
  const router = useRouter();
  const { result, shown, onSubmit, pending, fieldErrors } = useActionForm(resetPasswordAction);
  useEffect(() => {
    if (result?.ok) router.push("/login?reason=password-reset");
  }, [result, router]);
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      {shown?.ok ? <FormMessage kind="success">Password changed. Taking you to sign in…</FormMessage> : null}
      {shown && !shown.ok && (!shown.fieldErrors || shown.fieldErrors.token) ? <FormMessage>{shown.error}</FormMessage> : null}
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <p>
        For <strong>{email}</strong>. Choosing a new password signs you out everywhere.
      </p>
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint={`At least ${minLength} characters. Common passwords are refused.`}
        errors={fieldErrors?.newPassword}
      />
      <TextField
        name="confirmPassword"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        errors={fieldErrors?.confirmPassword}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
