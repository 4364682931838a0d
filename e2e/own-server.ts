// A production server of a spec's own (scripts/server.ts as the build compiled it, or the cluster
// of scripts/cluster.ts), on its own port and its own copy of the end-to-end database, for the specs
// that kill, restart or reconfigure a server without touching the suite's shared one.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { E2E_ENV } from "./env";

/**
 * Empties `dir` and puts a consistent copy of the end-to-end database in it (its users match the
 * saved sign-ins). Returns the copy's path, `dir`/dateline.db.
 */
export async function copyE2eDatabase(dir: string): Promise<string> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "dateline.db");
  const source = new Database("data/e2e/dateline.db", { readonly: true });
  await source.backup(file).finally(() => source.close());
  // The copy is another deployment: a job lease the e2e server's runner held when the copy was
  // taken (its scheduler runs every two seconds) would keep the copy's own runners off that job for
  // up to a minute, and a scheduled story would not go live in time.
  const copy = new Database(file);
  try {
    copy.prepare("UPDATE Job SET lockedBy = NULL, lockedUntil = NULL WHERE doneAt IS NULL").run();
  } finally {
    copy.close();
  }
  return file;
}

/** `npm start`'s server and its cluster as `npm run build` compiled them. */
export const SERVER = ".next/dateline/server.mjs";
export const CLUSTER = ".next/dateline/cluster.mjs";

export type OwnServer = {
  /** Holds the database copy (dateline.db) and the media folder. */
  dir: string;
  port: number;
  /** Overrides, after the defaults below (DATELINE_SITE_URL is http://localhost:`port` unless given). */
  env?: Record<string, string>;
  /** The entry point: the compiled server (.next/dateline/server.mjs) unless given; a .ts one runs through tsx. */
  script?: string;
  /** stderr piped unless given; stdout ignored. */
  stdio?: StdioOptions;
  /** In a process group of its own, for specs that signal the whole group with process.kill(-pid). */
  detached?: boolean;
  /** Options for node itself, e.g. a heap limit. */
  nodeArgs?: string[];
};

/** Starts node on `script` with the end-to-end environment pointed at `dir` and `port`, no scheduler, errors only in the log. */
export function startOwnServer({
  dir,
  port,
  env = {},
  script = SERVER,
  stdio = ["ignore", "ignore", "pipe"],
  detached = false,
  nodeArgs = [],
}: OwnServer): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, ...(script.endsWith(".ts") ? ["--import", "tsx"] : []), script], {
    env: {
      ...process.env,
      ...E2E_ENV,
      DATABASE_URL: `file:./${dir}/dateline.db`,
      DATELINE_MEDIA_DIR: `./${dir}/media`,
      DATELINE_SITE_URL: `http://localhost:${port}`,
      // lib/env.ts fills NEXTAUTH_URL from the site URL only when it is unset; a spec that imported
      // lib/ set it in this test process (to the default localhost:3000), and next-auth would then
      // send a signed-out browser there.
      NEXTAUTH_URL: `http://localhost:${port}`,
      PORT: String(port),
      DATELINE_SCHEDULER_INTERVAL: "0",
      DATELINE_LOG_LEVEL: "error",
      ...env,
    },
    stdio,
    detached,
  });
}

/** Waits until `url`/api/health answers 200; fails if `child` exits first or `timeoutMs` passes. */
export async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, name = "the server"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited while starting`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) throw new Error(`${name} did not start within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Sends `signal` to `child` (to its whole process group with `group`, which needs it started
 * detached) and resolves once it has exited; at once if it already has.
 */
export function stopServer(child: ChildProcess, signal: NodeJS.Signals, { group = false } = {}): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    process.kill(group ? -child.pid! : child.pid!, signal);
  });
}
