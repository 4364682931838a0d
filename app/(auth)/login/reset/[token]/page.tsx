import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { checkResetToken, RESET_LINK_UNUSABLE } from "@/lib/account-recovery/mutations";
import { PASSWORD_MIN } from "@/lib/users/schema";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  await connection();
  const { token } = await params;
  // Reading never uses the link up: only choosing a password does.
  const usable = await checkResetToken(token);
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>Choose a new password</h1>
        {usable ? (
          <ResetPasswordForm token={token} email={usable.email} minLength={PASSWORD_MIN} />
        ) : (
          <>
            <p role="alert">{RESET_LINK_UNUSABLE}</p>
            <p>
              <Link href="/login/forgot">Ask for a new link</Link> · <Link href="/login">Sign in</Link>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
