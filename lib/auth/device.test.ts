import { describe, expect, it } from "vitest";
import { deviceFor, rememberDevice } from "./device";

describe("sign-in device tokens", () => {
  it("proves a sign-in to one account only, whatever the case of its email", () => {
    const cookie = rememberDevice(null, "jo@news.test");
    expect(deviceFor(cookie, "JO@news.test")).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(deviceFor(cookie, "sam@news.test")).toBe("");
    expect(
      deviceFor(
        cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
        "jo@news.test",
      ),
    ).toBe("");
  });

  it("keeps a browser's token for an account across sign-ins, newest account first, at most five", () => {
    const first = rememberDevice(null, "jo@news.test");
    const again = rememberDevice(first, "jo@news.test");
    expect(again).toBe(first);
    let cookie = first;
    for (const name of ["a", "b", "c", "d", "e"]) cookie = rememberDevice(cookie, `${name}@news.test`);
    expect(cookie.split("~")).toHaveLength(5);
    expect(deviceFor(cookie, "e@news.test")).not.toBe("");
    expect(deviceFor(cookie, "jo@news.test")).toBe("");
    const back = rememberDevice(cookie, "b@news.test");
    expect(back.split("~")[0]).toBe(cookie.split("~")[3]);
  });

  it("ignores a damaged cookie", () => {
    for (const cookie of ["", "~", "x.y", "not a token~also.not", `${"A".repeat(16)}.`]) expect(deviceFor(cookie, "jo@news.test")).toBe("");
    expect(deviceFor(rememberDevice("garbage~~", "jo@news.test"), "jo@news.test")).not.toBe("");
    // Junk planted in the cookie is not carried forward: it could swell it past what a browser keeps.
    expect(rememberDevice(`${"x".repeat(4000)}~${"A".repeat(16)}.${"B".repeat(4000)}`, "jo@news.test")).toMatch(
      /^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/,
    );
  });
});
