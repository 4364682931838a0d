import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; sv: number; signedInAt: number; name: string; email: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** When the user signed in (seconds since the epoch); the session ends DATELINE_SESSION_HOURS later. */
    signedInAt?: number;
  }
}
