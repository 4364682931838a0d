import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db";
import { env, requireAuthSecret } from "../env";
import { AppError } from "../errors";
import { authenticate } from "./login";
import { clientIpFromHeaders } from "./client-ip";

export const SESSION_MAX_AGE_SECONDS = env.DATELINE_SESSION_HOURS * 3600;

/** next-auth: email and password, JWT session in an httpOnly, SameSite=Lax cookie (Secure over https). */
export const authOptions: NextAuthOptions = {
  secret: requireAuthSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 0 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: env.DATELINE_SITE_URL.startsWith("https://"),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const ip = clientIpFromHeaders(req?.headers ?? {});
        try {
          const user = await authenticate(credentials?.email, credentials?.password, ip);
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        } catch (error) {
          // next-auth passes a thrown message back to the sign-in form as `error`.
          if (error instanceof AppError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      // Only the id and session version travel; the role is read from the database each request.
      session.user = { id: String(token.uid ?? ""), sv: Number(token.sv ?? 0), name: token.name ?? "", email: token.email ?? "" };
      return session;
    },
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
