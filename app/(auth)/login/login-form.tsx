"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { FormMessage } from "@/components/forms/form-message";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full navigation, so the admin renders with the new session cookie; checked again here
      // so that no caller of this form can send the browser off the site.
      window.location.assign(safeCallbackUrl(callbackUrl));
      return;
    }
    setPending(false);
    setError(
      !result
        ? "We could not reach the server. Check your connection and try again."
        : result.error && result.error !== "CredentialsSignin"
          ? result.error
          : "That email and password do not match an active account.",
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {notice && !error ? <FormMessage kind="success">{notice}</FormMessage> : null}
      <FormMessage>{error}</FormMessage>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
