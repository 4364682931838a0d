import { requireAuthSecret, unknownSettings } from "../env";
import { startScheduler } from "../articles/scheduler-loop";
import { startExpiryPoll } from "../cache/shared-expiry";
import { log } from "../log";

/**
 * Server start: refuse to serve without the configuration production needs, then follow the
 * other server processes' cache expiries and start the scheduler.
 */
export function boot() {
  try {
    requireAuthSecret();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Said once per server (by its first worker, under npm start's cluster).
  if ((process.env.DATELINE_WORKER_ID ?? "1") === "1")
    for (const { name, nearest } of unknownSettings(process.env))
      log("warn", `${name} is not a Dateline setting, and is ignored${nearest ? `: did you mean ${nearest}?` : "."}`);
  startExpiryPoll().catch((error: unknown) => log("error", "could not start following shared cache expiries", { error: String(error) }));
  startScheduler();
}
