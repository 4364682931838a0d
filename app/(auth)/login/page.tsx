import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getSiteSettings } from "@/lib/cache/public-data";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; reason?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  // Normalised and checked before it is used anywhere: the redirect below, and the form's navigation after signing in.
  const checked = safeCallbackUrl(params.callbackUrl);
  const callbackUrl = checked === "/login" || checked.startsWith("/login?") || checked.startsWith("/login#") ? "/admin" : checked;
  if (await getCurrentUser()) redirect(callbackUrl);
  const { siteName } = await getSiteSettings();
  const notice =
    params.reason === "password-changed"
      ? "Your password was changed. Sign in with the new one."
      : params.reason === "password-reset"
        ? "Your new password is set, and every earlier session has ended. Sign in with it."
        : undefined;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>Sign in to {siteName}</h1>
        <LoginForm callbackUrl={callbackUrl} notice={notice} />
      </div>
    </main>
  );
}
