import { requireAuthSecret, unknownSettings } from "../env";
import { startScheduler } from "../articles/scheduler-loop";
import { startExpiryPoll } from "../cache/shared-expiry";
import { log } from "../log";
import { mediaStore } from "../media/store";

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
  if ((process.env.DATELINE_WORKER_ID ?? "1") === "1") {
    for (const { name, nearest } of unknownSettings(process.env))
      log("warn", `${name} is not a Dateline setting, and is ignored${nearest ? `: did you mean ${nearest}?` : "."}`);
    // A photo store that cannot be used is said at start, not at the first upload (a mistyped
    // bucket went unnoticed: the server started, and every photo answered 404). After the first
    // answers: the bucket's SDK takes most of a second to load.
    setTimeout(() => {
      mediaStore
        .check()
        .catch((error: unknown) =>
          log(
            "error",
            `Photos cannot be stored or served: ${mediaStore.describe()} cannot be used (${(error as Error)?.message ?? error}). Check DATELINE_MEDIA_STORE and its settings.`,
          ),
        );
    }, 3_000).unref();
  }
  startExpiryPoll().catch((error: unknown) => log("error", "could not start following shared cache expiries", { error: String(error) }));
  startScheduler();
}
