/**
 * `npm start`'s environment: .env files loaded, and the site's address following PORT unless it is
 * set, before lib/env.ts reads them (it derives the sign-in callbacks' NEXTAUTH_URL from the site's
 * address, once). Set after it, PORT=3900 served on 3900 while sign-out and the password change sent
 * people to a dead localhost:3000.
 */
export async function loadStartEnv() {
  await import("../../lib/ops/load-env");
  process.env.DATELINE_SITE_URL ||= `http://localhost:${process.env.PORT || 3000}`;
  const { env } = await import("../../lib/env");
  return env;
}
