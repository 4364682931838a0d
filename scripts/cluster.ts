// The production server on every core: a node:cluster primary that runs DATELINE_WORKERS copies
// of scripts/server.ts (default: one per core), all listening on PORT (the primary hands each new
// connection to the next worker). A worker that dies is started again; SIGTERM or SIGINT stops
// them all, each finishing its requests, within STOP_MS. `npm start` runs it after its setup
// (migrations, seed and build happen once, there, before any worker starts).
// Each worker's answers carry `X-Dateline-Worker: <n>` (its slot, 1..N), so tests and operators
// can tell which one answered.
// Production runs its compiled copy, .next/dateline/cluster.mjs (`npm run build`), whose workers run
// .next/dateline/server.mjs beside it; run from source (tsx), its workers run scripts/server.ts.
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";
import "../lib/ops/load-env";
import { authSecretFrom, env, type Env } from "../lib/env";
import { checkoutRoot } from "./lib/root";
import { CANNOT_LISTEN } from "./lib/listen";

/** The NODE_ENV the workers run under. */
function workerNodeEnv(): Env["NODE_ENV"] {
  const value = process.env.NODE_ENV;
  return value === "development" || value === "test" ? value : "production";
}

// What every worker would refuse to start without stops the whole server here, once, with its
// reason: workers restarted for ever behind it looked like a running service that served nothing.
try {
  authSecretFrom({ ...env, NODE_ENV: workerNodeEnv() });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const root = checkoutRoot(import.meta.dirname);
const count = env.DATELINE_WORKERS ?? os.availableParallelism();
/** Longer than a worker's own grace period (scripts/server.ts, 10 s). */
const STOP_MS = 12_000;

const compiled = import.meta.filename.endsWith(".mjs");
cluster.setupPrimary(
  compiled
    ? { exec: path.join(import.meta.dirname, "server.mjs") }
    : { exec: path.join(root, "scripts/server.ts"), execArgv: ["--import", "tsx"] },
);

let stopping = false;
let exitCode = 0;
const slots = new Map<Worker, { slot: number; started: number }>();
const failures = new Map<number, number>();

function fork(slot: number) {
  // NODE_ENV before the worker loads anything: the compiled server's imports of Next run before its own first line.
  const worker = cluster.fork({ DATELINE_WORKER_ID: String(slot), NODE_ENV: workerNodeEnv() });
  slots.set(worker, { slot, started: Date.now() });
  worker.on("exit", (code, signal) => {
    const { started } = slots.get(worker)!;
    slots.delete(worker);
    if (stopping) {
      if (slots.size === 0) process.exit(exitCode);
      return;
    }
    // The port cannot be had (the worker said why): every worker would fail alike, so all stop.
    if (code === CANNOT_LISTEN) {
      stopping = true;
      exitCode = 1;
      console.error(`Dateline could not listen on port ${env.PORT}; stopping.`);
      if (slots.size === 0) process.exit(exitCode);
      for (const other of slots.keys()) other.process.kill("SIGTERM");
      return;
    }
    // A worker that dies soon after starting is restarted with a growing pause (a crash loop
    // must not spin); one that ran a while is restarted at once.
    const quick = Date.now() - started < 10_000;
    const strikes = quick ? (failures.get(slot) ?? 0) + 1 : 0;
    failures.set(slot, strikes);
    const pause = quick ? Math.min(30_000, 500 * 2 ** (strikes - 1)) : 0;
    console.error(
      JSON.stringify({
        time: new Date().toISOString(),
        level: "error",
        msg: "server worker exited; starting it again",
        worker: slot,
        code,
        signal,
        pauseMs: pause,
      }),
    );
    setTimeout(() => {
      if (!stopping) fork(slot);
    }, pause);
  });
}

for (let slot = 1; slot <= count; slot++) fork(slot);
console.log(`Dateline runs ${count} server process${count === 1 ? "" : "es"} on port ${env.PORT}.`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (slots.size === 0) process.exit(0);
    for (const worker of slots.keys()) worker.process.kill(signal);
    setTimeout(() => {
      console.error(`Stopping: ${slots.size} server process(es) still running after ${STOP_MS / 1000} s were killed.`);
      for (const worker of slots.keys()) worker.process.kill("SIGKILL");
      process.exit(1);
    }, STOP_MS).unref();
  });
}
