import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildIsCurrent, writeBuildStamp } from "./build-stamp";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-stamp-"));
fs.mkdirSync(path.join(root, ".next"));
fs.mkdirSync(path.join(root, "app"));
fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
fs.writeFileSync(path.join(root, "app", "page.tsx"), "export default 1;");
fs.mkdirSync(path.join(root, ".next", "dateline"));
fs.writeFileSync(path.join(root, ".next", "dateline", "cluster.mjs"), "");
fs.writeFileSync(path.join(root, ".next", "dateline", "server.mjs"), "");
fs.mkdirSync(path.join(root, "scripts"));
fs.writeFileSync(path.join(root, "scripts", "server.ts"), "export {};");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const built = { DATELINE_SITE_URL: "http://localhost:3000", DATELINE_LOG_LEVEL: "info", PATH: "/usr/bin" };

describe("the build stamp", () => {
  it("is current for the sources and environment it was written with", () => {
    writeBuildStamp(root, built);
    expect(buildIsCurrent(root, built)).toBe(true);
    expect(buildIsCurrent(root, { ...built, DATELINE_LOG_LEVEL: "debug", PATH: "/bin" })).toBe(true);
  });

  it("is out of date when a value the build bakes in changes", () => {
    writeBuildStamp(root, built);
    expect(buildIsCurrent(root, { ...built, DATELINE_SITE_URL: "https://news.example.org" })).toBe(false);
    expect(buildIsCurrent(root, { ...built, DATELINE_SITE_NAME: "The Harbour Times" })).toBe(false);
    expect(buildIsCurrent(root, { ...built, NEXT_PUBLIC_ANALYTICS: "1" })).toBe(false);
    expect(buildIsCurrent(root, { DATELINE_LOG_LEVEL: "info", PATH: "/usr/bin" })).toBe(false);
  });

  it("is out of date when a source changes or the build is missing", () => {
    writeBuildStamp(root, built);
    fs.writeFileSync(path.join(root, "app", "page.tsx"), "export default 22;");
    expect(buildIsCurrent(root, built)).toBe(false);
    // The server, compiled by the build: its source changed, or its compiled copy is missing.
    writeBuildStamp(root, built);
    fs.writeFileSync(path.join(root, "scripts", "server.ts"), "export const changed = 1;");
    expect(buildIsCurrent(root, built)).toBe(false);
    writeBuildStamp(root, built);
    fs.rmSync(path.join(root, ".next", "dateline", "cluster.mjs"));
    expect(buildIsCurrent(root, built)).toBe(false);
    fs.writeFileSync(path.join(root, ".next", "dateline", "cluster.mjs"), "");
    expect(buildIsCurrent(root, built)).toBe(true);
    fs.rmSync(path.join(root, ".next", "BUILD_ID"));
    expect(buildIsCurrent(root, built)).toBe(false);
  });
});
