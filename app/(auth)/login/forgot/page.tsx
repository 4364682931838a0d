import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getSiteSettings } from "@/lib/cache/public-data";
import { mailConfigured } from "@/lib/mail/transport";
import { MAIL_NOT_CONFIGURED } from "@/lib/account-recovery/mutations";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password", robots: { index: false } };

export default async function ForgotPasswordPage() {
  await connection();
  const { siteName } = await getSiteSettings();
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>Forgot your password?</h1>
        {mailConfigured() ? (
          <>
            <p>Type the email address of your {siteName} desk account. We will send it a link to choose a new password.</p>
            <ForgotPasswordForm />
          </>
        ) : (
          <p role="status">{MAIL_NOT_CONFIGURED}</p>
        )}
        <p>
          <Link href="/login">Back to sign in</Link>
        </p>
      </div>
    </main>
  );
}
