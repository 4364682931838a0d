"use client";

import "@/lib/security/zod-jitless";
import { useRef, useState } from "react";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

// The error next-auth hands back when the password was right and a second factor is needed (lib/auth/two-step.ts).
const SECOND_FACTOR_PREFIX = "TWO_FACTOR:";

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Set after a right password for an account with two-factor sign-in: the form then asks for a code.
  const [pendingSignIn, setPendingSignIn] = useState<string | null>(null);
  const [account, setAccount] = useState("");
  const codeInput = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const credentials = pendingSignIn
      ? { pending: pendingSignIn, code: String(form.get("code") ?? "") }
      : { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    const result = await signIn("credentials", { ...credentials, redirect: false }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full navigation, so the admin renders with the new session cookie; checked again here
      // so that no caller of this form can send the browser off the site.
      window.location.assign(safeCallbackUrl(callbackUrl));
      return;
    }
    setPending(false);
    if (result?.error?.startsWith(SECOND_FACTOR_PREFIX)) {
      setPendingSignIn(result.error.slice(SECOND_FACTOR_PREFIX.length));
      setAccount(String(form.get("email") ?? ""));
      setTimeout(() => codeInput.current?.focus(), 0);
      return;
    }
    if (pendingSignIn && result?.error === "That sign-in took too long. Enter your email and password again.") setPendingSignIn(null);
    setError(
      !result
        ? "We could not reach the server. Check your connection and try again."
        : result.error && result.error !== "CredentialsSignin"
          ? result.error
          : "That email and password do not match an active account.",
    );
  }

  return (
    // POST, should anything send it without this script: a password never goes into an address.
    <form method="post" onSubmit={onSubmit} noValidate>
      {notice && !error && !pendingSignIn ? <FormMessage kind="success">{notice}</FormMessage> : null}
      <FormMessage>{error}</FormMessage>
      <div hidden={!!pendingSignIn}>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
      </div>
      {pendingSignIn ? (
        <p>
          Password accepted for <strong>{account}</strong>. This account uses two-factor sign-in.
        </p>
      ) : null}
      {pendingSignIn ? (
        <div className="field">
          <label htmlFor="code">Two-factor code</label>
          <input
            ref={codeInput}
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            aria-describedby="code-hint"
            maxLength={40}
            required
          />
          <span id="code-hint" className="field-hint">
            The six-digit code your authenticator app shows now, or one of your recovery codes.
          </span>
        </div>
      ) : null}
      {/* Disabled until this script runs the form (SubmitButton): the browser must not send it alone. */}
      <SubmitButton pending={pending} pendingLabel={pendingSignIn ? "Checking…" : "Signing in…"}>
        {pendingSignIn ? "Verify" : "Sign in"}
      </SubmitButton>
      {pendingSignIn ? (
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setPendingSignIn(null);
              setError(null);
            }}
          >
            Start again with another account
          </button>
        </p>
      ) : (
        <p>
          <Link href="/login/forgot">Forgot your password?</Link>
        </p>
      )}
    </form>
  );
}
