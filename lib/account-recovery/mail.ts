import { env } from "../env";
import { log } from "../log";
import { readSiteSettings } from "../settings/queries";
import { mailFrom, sendMail } from "../mail/transport";
import { RESET_TOKEN_TTL_MS } from "./tokens";

/** The address of a reset link: always the configured site address, never the request's Host. */
export function resetLinkUrl(token: string): string {
  return new URL(`/login/reset/${token}`, env.DATELINE_SITE_URL).toString();
}

/** Mails a reset link. `sentBy`: the admin's name when sent from the users screen. */
export async function mailResetLink(to: { email: string; name: string }, token: string, sentBy: string | null): Promise<void> {
  const { siteName } = await readSiteSettings();
  const minutes = Math.round(RESET_TOKEN_TTL_MS / 60_000);
  const reason = sentBy
    ? `${sentBy}, an admin of the ${siteName} desk, sent you a link to choose a new password for your account (${to.email}).`
    : `Someone (we hope you) asked to reset the password of the ${siteName} desk account for ${to.email}.`;
  const text = [
    `Hello ${to.name},`,
    "",
    reason,
    "",
    "Choose a new password here:",
    resetLinkUrl(token),
    "",
    `The link works once, for ${minutes} minutes. Choosing a new password signs you out everywhere.`,
    "If you did not ask for this, ignore this message: your password stays as it is.",
  ].join("\n");
  await sendMail({ from: mailFrom(siteName), to: to.email, subject: `Choose a new password for ${siteName}`, text });
}

/** Sends in the background (the person asking gets the same answer either way); failures are logged. */
export function mailResetLinkInBackground(to: { id: string; email: string; name: string }, token: string): void {
  mailResetLink(to, token, null).catch((error: unknown) => {
    log("error", "password reset mail not sent", { userId: to.id, error: error instanceof Error ? error.message : String(error) });
  });
}
