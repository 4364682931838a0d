import { describe, expect, it } from "vitest";
import { deviceFor, rememberDevice, STRANGER } from "./device";

const account = (name: string, passwordHash = `$argon2id$hash-of-${name}`) => ({ id: `user-${name}`, passwordHash });
const jo = account("jo");

describe("sign-in device tokens", () => {
  it("proves a sign-in to one account, with the password it has now", () => {
    const cookie = rememberDevice(null, jo);
    expect(deviceFor(cookie, jo)).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(deviceFor(cookie, account("sam"))).toBe(STRANGER);
    // A new password (its owner's, a reset link's): the browser is a stranger until it signs in with it.
    expect(deviceFor(cookie, account("jo", "$argon2id$the-new-one"))).toBe(STRANGER);
    // No such account.
    expect(deviceFor(cookie, null)).toBe(STRANGER);
    expect(
      deviceFor(
        cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
        jo,
      ),
    ).toBe(STRANGER);
  });

  it("keeps a browser's token for an account across sign-ins, newest account first, at most five", () => {
    const first = rememberDevice(null, jo);
    const again = rememberDevice(first, jo);
    expect(again).toBe(first);
    let cookie = first;
    for (const name of ["a", "b", "c", "d", "e"]) cookie = rememberDevice(cookie, account(name));
    expect(cookie.split("~")).toHaveLength(5);
    expect(deviceFor(cookie, account("e"))).not.toBe(STRANGER);
    expect(deviceFor(cookie, jo)).toBe(STRANGER);
    const back = rememberDevice(cookie, account("b"));
    expect(back.split("~")[0]).toBe(cookie.split("~")[3]);
  });

  it("ignores a damaged cookie", () => {
    for (const cookie of ["", "~", "x.y", "not a token~also.not", `${"A".repeat(16)}.`]) expect(deviceFor(cookie, jo)).toBe(STRANGER);
    expect(deviceFor(rememberDevice("garbage~~", jo), jo)).not.toBe(STRANGER);
    // Junk planted in the cookie is not carried forward: it could swell it past what a browser keeps.
    expect(rememberDevice(`${"x".repeat(4000)}~${"A".repeat(16)}.${"B".repeat(4000)}`, jo)).toMatch(
      /^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/,
    );
  });
});
