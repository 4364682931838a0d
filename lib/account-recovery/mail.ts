import { db } from "../db";
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

/**
 * Tells the holder of an account that its password was just changed through a reset link, and by
 * whose link (`requestedById`: the admin who made or sent it from the users screen; null when the
 * holder asked for it): if it was not them, they hear of it and can ask another admin to step in.
 * Sent in the background, after the password was saved; a failure is logged.
 */
export function mailPasswordChangedInBackground(to: { id: string; email: string; name: string }, requestedById: string | null): void {
  const send = async () => {
    const { siteName } = await readSiteSettings();
    const linkBy = requestedById
      ? ((await db.user.findUnique({ where: { id: requestedById }, select: { name: true } }))?.name ?? "")
      : null;
    const text = [
      `Hello ${to.name},`,
      "",
      `The password of your ${siteName} desk account (${to.email}) was just changed through a password reset link` +
        (linkBy === null ? " sent to this address." : ` that an admin${linkBy ? `, ${linkBy},` : ""} gave you from the users screen.`) +
        " Every session of the account was signed out.",
      "",
      "If you did this, there is nothing more to do. If you did not, tell an admin of your newsroom at once:",
      "they can disable the account, see who made the link in the audit log, and make you a new one.",
    ].join("\n");
    await sendMail({ from: mailFrom(siteName), to: to.email, subject: `Your ${siteName} password was changed`, text });
  };
  send().catch((error: unknown) => {
    log("error", "password changed notice not sent", { userId: to.id, error: error instanceof Error ? error.message : String(error) });
  });
}

/** Sends in the background (the person asking gets the same answer either way); failures are logged. */
export function mailResetLinkInBackground(to: { id: string; email: string; name: string }, token: string): void {
  mailResetLink(to, token, null).catch((error: unknown) => {
    log("error", "password reset mail not sent", { userId: to.id, error: error instanceof Error ? error.message : String(error) });
  });
}
