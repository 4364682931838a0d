import { requireAuthSecret } from "./env";
import { startScheduler } from "./articles/scheduler-loop";

/** Server start: refuse to serve without the configuration production needs, then start the scheduler. */
export function boot() {
  try {
    requireAuthSecret();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  startScheduler();
}
