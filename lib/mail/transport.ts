import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "../env";

/** Whether outgoing mail is set up (DATELINE_SMTP_URL). Without it Dateline sends nothing. */
export function mailConfigured(): boolean {
  return !!env.DATELINE_SMTP_URL;
}

let transport: Transporter | undefined;

/** The From of Dateline's mail: DATELINE_MAIL_FROM, or no-reply at the site's host. */
export function mailFrom(siteName: string): string {
  if (env.DATELINE_MAIL_FROM) return env.DATELINE_MAIL_FROM;
  const host = new URL(env.DATELINE_SITE_URL).hostname;
  return `"${siteName.replace(/["\\\r\n]/g, "")}" <no-reply@${host.includes(".") ? host : `${host}.localdomain`}>`;
}

export type OutgoingMail = { to: string; subject: string; text: string; from: string };

/**
 * Sends one plain-text message through DATELINE_SMTP_URL (nodemailer). Throws when mail is not
 * configured or the server refuses it; callers decide whether the person waiting is told.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  if (!env.DATELINE_SMTP_URL) throw new Error("Mail is not configured (DATELINE_SMTP_URL).");
  transport ??= nodemailer.createTransport(
    // A mail server that does not answer must not hold a request for minutes.
    new SMTPTransport({ url: env.DATELINE_SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
  );
  await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
}
