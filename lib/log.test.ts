import { describe, expect, it } from "vitest";
import { isSecretField, loggablePath } from "./log";

describe("addresses in log lines", () => {
  it("hide the token of a draft link and of a password reset link, and drop the query (the draft link's token was logged whole)", () => {
    expect(loggablePath("/draft/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA?utm=x")).toBe("/draft/[redacted]");
    expect(loggablePath("/login/reset/l-wPJT-g3FcrLsQqRifS4-UabcdefghijklmnopqrstuvwX")).toBe("/login/reset/[redacted]");
    expect(loggablePath("/world/harbour-reopens?ref=home")).toBe("/world/harbour-reopens");
    expect(loggablePath("/login/reset")).toBe("/login/reset");
    expect(loggablePath("http://news.example/draft/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA")).toBe("/draft/[redacted]");
  });
});

describe("fields in log lines", () => {
  it("hide passwords, secrets, tokens and cookies, and not every word with 'pass' in it (failedPasses was hidden)", () => {
    for (const name of [
      "password",
      "newPassword",
      "pass",
      "db_pass",
      "pass-hash",
      "passwd",
      "dbPass",
      "smtpPass",
      "passphrase",
      "secret",
      "sessionToken",
      "cookie",
      "Authorization",
    ])
      expect(isSecretField(name), name).toBe(true);
    for (const name of ["failedPasses", "passes", "bypassed", "bypass", "compass", "msg", "path"])
      expect(isSecretField(name), name).toBe(false);
  });
});
