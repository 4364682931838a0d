import { env } from "../env";
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
        console.log(JSON.stringify({ level: "info", msg: "scheduler run", published: run.published, held: run.held }));
      }
    } catch (error) {
      console.error(JSON.stringify({ level: "error", msg: "scheduler failed", error: String(error) }));
    }
  };
  state.datelineScheduler = setInterval(tick, seconds * 1000);
  state.datelineScheduler.unref();
  void tick();
}
