import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { db } from "../db";
import { makeUser } from "../test/factories";
import { authOptions, checkedToken, SESSION_MAX_AGE_SECONDS } from "./config";
import { resolveSessionUser } from "./session-user";

const nowSeconds = () => Math.floor(Date.now() / 1000);
type JwtCallback = (params: { token: JWT; user?: { id: string; sessionVersion?: number } }) => Promise<JWT>;
const jwt = authOptions.callbacks!.jwt as unknown as JwtCallback;
const session = authOptions.callbacks!.session as unknown as (params: {
  session: object;
  token: JWT;
}) => Promise<{ user?: { signedInAt?: number } }>;

describe("a session's absolute lifetime", () => {
  it("ends DATELINE_SESSION_HOURS after sign-in, however often it was used", async () => {
    const user = await makeUser("WRITER");
    expect(await resolveSessionUser({ id: user.id, sv: 0, signedInAt: nowSeconds() - 60 })).not.toBeNull();
    expect(await resolveSessionUser({ id: user.id, sv: 0, signedInAt: nowSeconds() - SESSION_MAX_AGE_SECONDS - 1 })).toBeNull();
  });

  it("refuses a token without a sign-in time, or with one in the future", async () => {
    const user = await makeUser("WRITER");
    expect(await resolveSessionUser({ id: user.id, sv: 0 })).toBeNull();
    expect(await resolveSessionUser({ id: user.id, sv: 0, signedInAt: nowSeconds() + 3600 })).toBeNull();
  });

  it("next-auth's jwt callback stamps the sign-in time once, and refuses an expired or signed-out token", async () => {
    const user = await makeUser("WRITER");
    const token = await jwt({ token: { name: user.name, email: user.email }, user: { id: user.id, sessionVersion: 0 } });
    expect(Math.abs(Number(token.signedInAt) - nowSeconds())).toBeLessThan(5);
    // A later read keeps the original sign-in time (no sliding).
    const again = await jwt({ token });
    expect(again.signedInAt).toBe(token.signedInAt);
    expect((await session({ session: {}, token: again })).user?.signedInAt).toBe(token.signedInAt);

    await expect(jwt({ token: { ...token, signedInAt: nowSeconds() - SESSION_MAX_AGE_SECONDS - 1 } })).rejects.toThrow();
    await expect(jwt({ token: { ...token, signedInAt: undefined } })).rejects.toThrow();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(jwt({ token })).rejects.toThrow();
  });
});

describe("a session while the database does not answer", () => {
  it("is neither confirmed nor ended: its token stays (a probe's 10 s outage signed every editor out); an ended one still goes", async () => {
    const user = await makeUser("WRITER");
    const token = { uid: user.id, sv: 0, signedInAt: nowSeconds() - 60 } as JWT;
    // A real database error, as a query to a database that cannot answer it throws.
    const unanswered = () => db.$queryRawUnsafe('SELECT * FROM "NoSuchTableHere"');
    await expect(unanswered()).rejects.toThrow();
    expect(await checkedToken(token, unanswered)).toBe(token);
    expect(await checkedToken(token, () => resolveSessionUser({ id: user.id, sv: 0, signedInAt: token.signedInAt as number }))).toBe(token);
    await expect(
      checkedToken(token, () => resolveSessionUser({ id: user.id, sv: 5, signedInAt: token.signedInAt as number })),
    ).rejects.toThrow("This session has ended.");
  });
});
