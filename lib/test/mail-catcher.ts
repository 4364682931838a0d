import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives, for tests of mail Dateline sends
 * (integration tests and end-to-end specs). No TLS and no authentication: local only.
 */
export async function startMailCatcher(port: number) {
  const inbox: ParsedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          inbox.push(mail);
          waiters.splice(0).forEach((wake) => wake());
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const recipients = (mail: ParsedMail) =>
    (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address));
  return {
    inbox,
    /** Mail to `address` received so far. */
    to: (address: string) => inbox.filter((m) => recipients(m).includes(address)),
    /** Waits for the next mail to `address` after `already` of them (default: any one). */
    async waitFor(address: string, already = 0, timeoutMs = 10_000): Promise<ParsedMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mails = inbox.filter((m) => recipients(m).includes(address));
        if (mails.length > already) return mails[mails.length - 1]!;
        if (Date.now() > deadline) throw new Error(`No mail to ${address} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The reset link in a mail's text. */
export const resetLinkIn = (mail: ParsedMail) => /https?:\/\/\S+\/login\/reset\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "")?.[0] ?? null;
