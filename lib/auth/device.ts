import crypto from "node:crypto";
import { requireAuthSecret } from "../env";

/*
 * Device tokens (OWASP's "device cookies"): a browser that has signed in to an account keeps a
 * token that proves it, in an httpOnly cookie sent only to /api/auth. Failed sign-ins from such a
 * browser are counted for that browser alone, so strangers who fail five times lock only
 * browsers the account has never signed in with (lib/auth/throttle.ts): they can no longer keep
 * the account's own people out. A token is `nonce.mac`, the mac binding the nonce to the
 * account and its password under a key derived from the server's secret: a new password (its
 * owner's, a reset link's, the command line's) ends every token made under the old one, so a
 * browser that once signed in with a stolen password is a stranger again. One cookie holds the
 * tokens of the last few accounts signed in with on that browser (a shared newsroom machine).
 */
export const DEVICE_COOKIE = "dateline.sign-in-device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 3600;
const MAX_TOKENS = 5;
/** A token as rememberDevice writes it; anything else in the cookie is dropped, so nobody can swell it past a browser's limit. */
const TOKEN = /^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/;

/** The device of a browser that has not signed in to the account (or offers no proof that it has). */
export const STRANGER = "";

/** The account a token is for: its id, and its password's hash (which a new password changes). */
export type DeviceAccount = { id: string; passwordHash: string };

/** Stands in for an unknown email's account: rememberDevice is called only for real ones, so no token proves it. */
const NO_ACCOUNT: DeviceAccount = { id: "", passwordHash: "" };

const key = () => Buffer.from(crypto.hkdfSync("sha256", requireAuthSecret(), "dateline", "sign-in-device-v2", 32));
const macFor = (account: DeviceAccount, nonce: string) =>
  crypto.createHmac("sha256", key()).update(`${account.id}\n${account.passwordHash}\n${nonce}`).digest("base64url");

const tokensIn = (cookie: string | null | undefined) =>
  (cookie ?? "")
    .split("~")
    .filter((t) => TOKEN.test(t))
    .slice(0, MAX_TOKENS);

/**
 * The nonce of the cookie's token for `account`, or STRANGER when this browser has not signed in
 * to that account with its present password. For no account (an unknown email) the tokens are
 * checked all the same, against one no token is made for: the answer takes as long.
 */
export function deviceFor(cookie: string | null | undefined, account: DeviceAccount | null): string {
  account ??= NO_ACCOUNT;
  for (const token of tokensIn(cookie)) {
    const [nonce = "", mac = ""] = token.split(".");
    const expected = Buffer.from(macFor(account, nonce));
    const given = Buffer.from(mac);
    if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) return nonce;
  }
  return STRANGER;
}

/**
 * The cookie's value after a sign-in to `account`: its token first (the one the browser had, or a
 * new one), then the other accounts' tokens, at most five.
 */
export function rememberDevice(cookie: string | null | undefined, account: DeviceAccount): string {
  const nonce = deviceFor(cookie, account) || crypto.randomBytes(12).toString("base64url");
  const own = `${nonce}.${macFor(account, nonce)}`;
  return [own, ...tokensIn(cookie).filter((t) => t !== own)].slice(0, MAX_TOKENS).join("~");
}
