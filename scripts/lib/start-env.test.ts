import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** What `npm start`'s environment gives the servers, read in a fresh process as start.ts reads it. */
async function startEnv(extra: Record<string, string>) {
  const env: Record<string, string | undefined> = { ...process.env, ...extra };
  delete env.DATELINE_SITE_URL;
  delete env.NEXTAUTH_URL;
  Object.assign(env, extra);
  const { stdout } = await run(
    "npx",
    [
      "tsx",
      "-e",
      'void import("./scripts/lib/start-env.ts").then(async ({ loadStartEnv }) => { const env = await loadStartEnv(); console.log(JSON.stringify({ site: env.DATELINE_SITE_URL, auth: process.env.NEXTAUTH_URL })); });',
    ],
    { env: env as NodeJS.ProcessEnv, cwd: process.cwd() },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { site: string; auth: string };
}

describe("npm start's environment", () => {
  it("on another PORT, the site's address and the sign-in callbacks' follow it (sign-out went to a dead localhost:3000)", async () => {
    expect(await startEnv({ PORT: "3917" })).toEqual({ site: "http://localhost:3917", auth: "http://localhost:3917" });
  }, 30_000);

  it("an address set by the operator is kept", async () => {
    expect(await startEnv({ PORT: "3917", DATELINE_SITE_URL: "https://news.example.org" })).toEqual({
      site: "https://news.example.org",
      auth: "https://news.example.org",
    });
  }, 30_000);
});
