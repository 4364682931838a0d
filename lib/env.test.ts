import { describe, expect, it } from "vitest";
import { authSecretFrom, parseEnv, unknownSettings } from "./env";

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

describe("a DATELINE_ variable Dateline does not read", () => {
  it("is named, with the setting it is nearest to (DATELINE_MEDIA_STOR=s3 was ignored without a word)", () => {
    expect(
      unknownSettings({
        DATELINE_MEDIA_STOR: "s3",
        DATELINE_SITE_URL: "https://news.example.org",
        DATELINE_WORKER_ID: "1",
        DATELINE_S3_BUKET: "photos",
        DATELINE_SOMETHING_ELSE_ENTIRELY: "x",
        PATH: "/usr/bin",
      }),
    ).toEqual([
      { name: "DATELINE_MEDIA_STOR", nearest: "DATELINE_MEDIA_STORE" },
      { name: "DATELINE_S3_BUKET", nearest: "DATELINE_S3_BUCKET" },
      { name: "DATELINE_SOMETHING_ELSE_ENTIRELY", nearest: null },
    ]);
  });

  it("is none of the settings the code reads (every DATELINE_ name in lib/, app/ and scripts/ is known)", async () => {
    const { execFileSync } = await import("node:child_process");
    const names = new Set(
      execFileSync(
        "git",
        ["grep", "-hoE", "DATELINE_[A-Z0-9_]+", "--", "lib", "app", "scripts", "proxy.ts", "next.config.js", ":!*.test.ts"],
        {
          encoding: "utf8",
        },
      )
        .split("\n")
        .filter((n) => /^DATELINE_[A-Z0-9_]*[A-Z0-9]$/.test(n)),
    );
    expect(unknownSettings(Object.fromEntries([...names].map((n) => [n, "x"])))).toEqual([]);
  });
});

describe("the private hosts sources may be on", () => {
  it("reads host names and IP addresses as a source's URL holds them, with a port or :*, and refuses a scheme or path at start-up", () => {
    expect(
      parseEnv({
        DATELINE_SOURCE_PRIVATE_HOSTS:
          " Intranet.Example. , 10.1.2.3,[FD00:0::0001], bücher.example, fd00::2, ::ffff:10.0.0.9, wiki.example:8080, [fd00::1]:443, search.example:*, 10.0.0.1:080",
      }).DATELINE_SOURCE_PRIVATE_HOSTS,
    ).toEqual([
      "intranet.example",
      "10.1.2.3",
      "fd00::1",
      "xn--bcher-kva.example",
      "fd00::2",
      "::ffff:a00:9",
      "wiki.example:8080",
      "[fd00::1]:443",
      "search.example:*",
      "10.0.0.1:80",
    ]);
    expect(parseEnv({}).DATELINE_SOURCE_PRIVATE_HOSTS).toEqual([]);
    for (const entry of [
      "http://intranet",
      "intranet/wiki",
      "intranet:0",
      "intranet:65536",
      "intranet:8o",
      "fd00::1/64",
      "fd00:::1",
      "a@b",
      ":80",
      "*",
      "*.corp.example",
      "0",
      "0.0.0.0:80",
      "[::]:*",
    ])
      expect(() => parseEnv({ DATELINE_SOURCE_PRIVATE_HOSTS: entry }), entry).toThrow(
        /DATELINE_SOURCE_PRIVATE_HOSTS: .*is not a host name or IP address, with at most a port or :\*/,
      );
  });
});
