import { env } from "../env";
import { log } from "../log";
import { publishDueArticles } from "./scheduler";

/** Starts the in-process scheduler (once per server): publishes due stories every few seconds. */
export function startScheduler() {
  const seconds = env.DATELINE_SCHEDULER_INTERVAL;
  const state = globalThis as unknown as { datelineScheduler?: NodeJS.Timeout };
  if (seconds === 0 || state.datelineScheduler) return;
  const tick = async () => {
    try {
      const run = await publishDueArticles();
      if (run.published.length || run.held.length) {
        log("info", "scheduler run", { published: run.published, held: run.held });
      }
    } catch (error) {
      log("error", "scheduler failed", { error: String(error) });
    }
  };
  state.datelineScheduler = setInterval(tick, seconds * 1000);
  state.datelineScheduler.unref();
  void tick();
}
