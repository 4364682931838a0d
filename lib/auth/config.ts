import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { db } from "../db";
import { env, requireAuthSecret } from "../env";
import { log } from "../log";
import { FailureNotice } from "../ops/failure-notice";
import { siteIsHttps } from "../security/https";
import { authRedirect } from "./callback-url";
import { signInForForm } from "./two-step";
import { clientIpFromHeaders } from "./client-ip";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS } from "./device";
import { resolveSessionUser, SESSION_MAX_AGE_SECONDS } from "./session-user";

export { SESSION_MAX_AGE_SECONDS };

/** Thrown by the jwt callback for a token that no longer stands for a session; next-auth then clears the cookie. */
class SessionEnded extends Error {
  override name = "SessionEnded";
}

/**
 * A session token after its check (`check`: the user it is of, from the database): ended, it is
 * thrown away (next-auth clears its cookie). When the database cannot be asked (it is down, or
 * refuses), the session is neither confirmed nor ended: the token, and its cookie, stay, and every
 * request that needs the user asks the database again (getCurrentUser) and fails as it does. A
 * probe's 10 s PostgreSQL outage signed every editor out, and their desk stopped saving.
 */
export async function checkedToken<T>(token: T, check: () => Promise<unknown>): Promise<T> {
  let user: unknown;
  try {
    user = await check();
  } catch (error) {
    sessionChecks.failed(error);
    return token;
  }
  sessionChecks.succeeded();
  if (!user) throw new SessionEnded("This session has ended.");
  return token;
}

/** Every request checks its session: during an outage, said once, then once a minute. */
const sessionChecks = new FailureNotice({
  failing: "sessions could not be checked: the database did not answer; they are kept until it does",
  working: "sessions are checked again",
});

/** next-auth: email and password, JWT session in an httpOnly, SameSite=Lax cookie (Secure over https). */
export const authOptions: NextAuthOptions = {
  secret: requireAuthSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 0 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: siteIsHttps(env.DATELINE_SITE_URL),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        // The second step of a two-factor sign-in (lib/auth/two-step.ts).
        pending: { label: "Pending sign-in", type: "text" },
        code: { label: "Code", type: "text" },
      },
      async authorize(credentials, req) {
        const jar = await cookies();
        const deviceCookie = jar.get(DEVICE_COOKIE)?.value ?? null;
        // No session is issued before the second factor: a password alone only earns a pending token.
        // A refusal is thrown as a sentence, which next-auth passes back to the sign-in form as `error`.
        const user = await signInForForm(credentials, { ip: clientIpFromHeaders(req?.headers ?? {}), deviceCookie });
        // This browser has now signed in to the account: its failures are counted apart from strangers' (lib/auth/device.ts).
        jar.set(DEVICE_COOKIE, user.deviceCookie, {
          httpOnly: true,
          sameSite: "lax",
          secure: siteIsHttps(env.DATELINE_SITE_URL),
          path: "/api/auth",
          maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
        });
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        // The session's absolute lifetime counts from here; next-auth's own expiry slides with every use.
        token.signedInAt = Math.floor(Date.now() / 1000);
        return token;
      }
      // Every later read (GET /api/auth/session, getServerSession): a token past its lifetime, of a
      // signed-out, disabled or changed user gets no session, and next-auth clears its cookie.
      return checkedToken(token, () =>
        resolveSessionUser({ id: String(token.uid ?? ""), sv: Number(token.sv ?? -1), signedInAt: token.signedInAt }),
      );
    },
    async session({ session, token }) {
      // Only the id, session version and sign-in time travel; the role is read from the database each request.
      session.user = {
        id: String(token.uid ?? ""),
        sv: Number(token.sv ?? 0),
        signedInAt: Number(token.signedInAt ?? 0),
        name: token.name ?? "",
        email: token.email ?? "",
      };
      return session;
    },
    // After signing in or out: this site's own paths only (lib/auth/callback-url.ts).
    async redirect({ url, baseUrl }) {
      return authRedirect(url, baseUrl);
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is an expected answer (an empty session), not a fault.
      if (metadata instanceof Error && metadata.name === "SessionEnded") return;
      log("error", `next-auth: ${code}`, { error: metadata instanceof Error ? metadata.stack : metadata });
    },
    warn(code) {
      log("warn", `next-auth: ${code}`);
    },
    debug() {},
  },
  events: {
    // Signing out ends every session of that user, not just this browser's cookie.
    async signOut({ token }) {
      if (token?.uid) {
        await db.user.updateMany({ where: { id: String(token.uid) }, data: { sessionVersion: { increment: 1 } } });
      }
    },
  },
};
