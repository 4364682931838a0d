import { describe, expect, it } from "vitest";
import { authSecretFrom } from "./env";

describe("the session secret", () => {
  it("refuses a production server without NEXTAUTH_SECRET, saying what to set", () => {
    expect(() => authSecretFrom({ NODE_ENV: "production", NEXTAUTH_SECRET: undefined, NEXT_PHASE: undefined })).toThrow(
      /NEXTAUTH_SECRET is not set\. Dateline refuses to start in production/,
    );
  });

  it("uses the configured secret", () => {
    const secret = "x".repeat(40);
    expect(authSecretFrom({ NODE_ENV: "production", NEXTAUTH_SECRET: secret, NEXT_PHASE: undefined })).toBe(secret);
  });

  it("lets `next build` analyse the auth module without a secret", () => {
    expect(authSecretFrom({ NODE_ENV: "production", NEXTAUTH_SECRET: undefined, NEXT_PHASE: "phase-production-build" })).toMatch(
      /never-used/,
    );
  });
});
