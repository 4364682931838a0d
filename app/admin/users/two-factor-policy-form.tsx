"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { setTwoFactorRequiredAction } from "./actions";

/** The newsroom rule: whether editors and admins must use two-factor sign-in. */
export function TwoFactorPolicyForm({ required }: { required: boolean }) {
  const { shown, onSubmit, pending, formRef } = useActionForm(async (form: FormData) =>
    setTwoFactorRequiredAction({ required: form.get("required") === "on" }),
  );
  return (
    <section className="card" aria-labelledby="two-factor-policy-heading">
      <h2 id="two-factor-policy-heading">Two-factor sign-in</h2>
      {shown?.ok ? (
        <FormMessage kind="success">
          {shown.data.required
            ? "Required for editors and admins. Those without it are sent to set it up at their next page."
            : "Optional for everyone."}
        </FormMessage>
      ) : null}
      {shown && !shown.ok ? <FormMessage>{shown.error}</FormMessage> : null}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <div className="field checkbox-field">
          <label>
            <input type="checkbox" name="required" defaultChecked={required} /> Require two-factor sign-in for editors and admins
          </label>
          <span className="field-hint">
            Writers may still choose it for themselves. Anyone without it must set it up before using the desk.
          </span>
        </div>
        <SubmitButton pending={pending} pendingLabel="Saving…" className="button secondary">
          Save
        </SubmitButton>
      </form>
    </section>
  );
}
