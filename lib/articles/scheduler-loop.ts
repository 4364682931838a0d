import { env } from "../env";
import { log } from "../log";
import { internalCronSecret } from "./scheduler-secret";
import { publishDueArticles } from "./scheduler";

/**
 * Starts the in-process scheduler (once per server). Each tick calls the server's own cron
 * endpoint, so publishing and the expiry of the pages it changes happen in a request; if the
 * server cannot reach itself, it publishes directly and the pages refresh within the hour.
 */
export function startScheduler() {
  const seconds = env.DATELINE_SCHEDULER_INTERVAL;
  const state = globalThis as unknown as { datelineScheduler?: NodeJS.Timeout };
  if (seconds === 0 || state.datelineScheduler) return;
  const secret = internalCronSecret();
  const tick = async () => {
    try {
      const response = await fetch(`http://127.0.0.1:${env.PORT}/api/cron/publish-scheduled`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}` },
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const run = (await response.json()) as { published: string[]; held: unknown[] };
      if (run.published.length || run.held.length) log("info", "scheduler run", run);
    } catch (error) {
      log("warn", "scheduler could not reach its endpoint; publishing directly", { error: String(error) });
      const run = await publishDueArticles().catch((e: unknown) => {
        log("error", "scheduler failed", { error: String(e) });
        return null;
      });
      if (run?.published.length) log("info", "scheduler run", run);
    }
  };
  state.datelineScheduler = setInterval(tick, seconds * 1000);
  state.datelineScheduler.unref();
  // The first tick waits for the server to listen.
  setTimeout(tick, 3000).unref();
}
