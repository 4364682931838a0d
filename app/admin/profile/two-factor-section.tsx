"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useAction } from "@/components/forms/use-action";
import { RecoveryCodes } from "./recovery-codes";
import { beginTwoFactorAction, confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction } from "./actions";

type Props = {
  state: "off" | "pending" | "on";
  enabledAt: string | null;
  recoveryCodesLeft: number;
  pending: { secret: string; qrDataUrl: string } | null;
  required: boolean;
};

/** Two-factor sign-in on the profile page: set up (QR code, then a code), recovery codes, turn off. */
export function TwoFactorSection({ state, enabledAt, recoveryCodesLeft, pending, required }: Props) {
  const begin = useAction(beginTwoFactorAction);
  const { formRef: confirmForm, ...confirm } = useActionForm(confirmTwoFactorAction);
  const { formRef: regenerateForm, ...regenerate } = useActionForm(regenerateRecoveryCodesAction);
  const { formRef: disableForm, ...disable } = useActionForm(disableTwoFactorAction);
  // Recovery codes are shown once: they stay (result, not shown) until the next answer replaces them.
  const codes =
    (regenerate.result?.ok ? regenerate.result.data.recoveryCodes : null) ??
    (confirm.result?.ok ? confirm.result.data.recoveryCodes : null);

  const start = () => void begin.run({});

  return (
    <section className="card" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">Two-factor sign-in</h2>
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {state === "off" ? (
        <>
          <p>
            {required ? "Your newsroom requires it for your role. " : "Optional, and strongly advised: "}
            after your password, signing in asks for a six-digit code from an authenticator app on your phone (such as Aegis, Google
            Authenticator, 1Password or Microsoft Authenticator).
          </p>
          <FormMessage>{begin.error}</FormMessage>
          <button type="button" className="button" disabled={begin.pending} onClick={start}>
            {begin.pending ? "Preparing…" : "Set up two-factor sign-in"}
          </button>
        </>
      ) : null}
      {state === "pending" && pending ? (
        <>
          <ol>
            <li>Open your authenticator app and add an account by scanning this QR code.</li>
            <li>Then enter the six-digit code it shows, to confirm. Until then, two-factor sign-in is not on.</li>
          </ol>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an optimisable file */}
          <img src={pending.qrDataUrl} alt="QR code for your authenticator app" width={200} height={200} className="qr-code" />
          <p>Cannot scan it? Type this key into the app instead (time-based):</p>
          <p>
            <code className="secret-box" data-testid="totp-secret">
              {pending.secret}
            </code>
          </p>
          {confirm.shown && !confirm.shown.ok && !confirm.shown.fieldErrors ? <FormMessage>{confirm.shown.error}</FormMessage> : null}
          <form ref={confirmForm} method="post" onSubmit={confirm.onSubmit} noValidate>
            <TextField
              name="code"
              label="Code from the app"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              errors={confirm.fieldErrors?.code}
            />
            <SubmitButton pending={confirm.pending} pendingLabel="Checking…">
              Turn on two-factor sign-in
            </SubmitButton>{" "}
            <button type="button" className="button secondary" disabled={begin.pending} onClick={start}>
              Start again with a new key
            </button>
          </form>
          <FormMessage>{begin.error}</FormMessage>
        </>
      ) : null}
      {state === "on" ? (
        <>
          <p>
            <strong>On</strong>
            {enabledAt ? ` since ${new Date(enabledAt).toISOString().slice(0, 10)}` : ""}. {recoveryCodesLeft} of 10 recovery codes left.
          </p>
          <details className="two-factor-more">
            <summary>Make new recovery codes</summary>
            {regenerate.shown && !regenerate.shown.ok && !regenerate.shown.fieldErrors ? (
              <FormMessage>{regenerate.shown.error}</FormMessage>
            ) : null}
            <form ref={regenerateForm} method="post" onSubmit={regenerate.onSubmit} noValidate>
              <p>The codes you have now stop working.</p>
              <TextField
                id="regenerate-password"
                name="password"
                label="Current password"
                type="password"
                autoComplete="current-password"
                errors={regenerate.fieldErrors?.password}
              />
              <SubmitButton pending={regenerate.pending} pendingLabel="Making…" className="button secondary">
                Make new recovery codes
              </SubmitButton>
            </form>
          </details>
        </>
      ) : null}
      {state !== "off" ? (
        <details className="two-factor-more">
          <summary>{state === "on" ? "Turn off two-factor sign-in" : "Cancel the set-up"}</summary>
          {disable.shown && !disable.shown.ok && !disable.shown.fieldErrors ? <FormMessage>{disable.shown.error}</FormMessage> : null}
          <form ref={disableForm} method="post" onSubmit={disable.onSubmit} noValidate>
            {required && state === "on" ? <p>Your newsroom requires it for your role: you will be asked to set it up again.</p> : null}
            <TextField
              id="disable-password"
              name="password"
              label="Current password"
              type="password"
              autoComplete="current-password"
              errors={disable.fieldErrors?.password}
            />
            <SubmitButton pending={disable.pending} pendingLabel="Turning off…" className="button danger">
              {state === "on" ? "Turn off two-factor sign-in" : "Cancel the set-up"}
            </SubmitButton>
          </form>
        </details>
      ) : null}
    </section>
  );
}
