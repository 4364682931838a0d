import { describe, expect, it } from "vitest";
import { authSecretFrom, parseEnv } from "./env";

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

describe("signing photos with the newsroom's Content Credentials", () => {
  it("needs the certificate and its key together, and says which one is missing", () => {
    expect(() => parseEnv({ DATELINE_C2PA_CERT: "/etc/dateline/c2pa.pem" })).toThrow(/DATELINE_C2PA_KEY: must be set together/);
    expect(() => parseEnv({ DATELINE_C2PA_KEY: "/etc/dateline/c2pa.key" })).toThrow(/DATELINE_C2PA_CERT: must be set together/);
    expect(parseEnv({ DATELINE_C2PA_CERT: "/a.pem", DATELINE_C2PA_KEY: "/a.key" }).DATELINE_C2PA_KEY).toBe("/a.key");
    expect(parseEnv({}).DATELINE_C2PA_CERT).toBeUndefined();
  });
});
