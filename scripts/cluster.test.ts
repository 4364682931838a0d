import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../lib/test/pg-cluster";

const root = path.resolve(import.meta.dirname, "..");

describe("npm start's cluster", () => {
  it("stops at once, saying why, when production lacks NEXTAUTH_SECRET (its workers were restarted for ever, serving nothing)", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/cluster.ts")], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXTAUTH_SECRET: "", PORT: String(await freePort()), DATELINE_WORKERS: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve(null);
      }, 15_000);
      child.on("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code, output).toBe(1);
    expect(output).toContain("NEXTAUTH_SECRET is not set.");
    expect(output).not.toContain("starting it again");
  }, 30_000);
});
