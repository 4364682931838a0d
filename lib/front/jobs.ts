import { tags } from "../cache/tags";
import { log } from "../log";
import { expireAll } from "../cache/invalidation";
import type { JobHandler } from "../jobs/runner";
import { applyDueFrontLayouts, FRONT_REFRESH_JOB, FRONT_SWITCH_JOB } from "./mutations";

/** Expires the front page everywhere (this process's caches, the others' through the shared expiry table, the HTTP caches). */
export function expireFront(expire: (tag: string) => void = () => {}) {
  expireAll([tags.front], expire);
}

/** The front page's jobs (lib/jobs/runner.ts): a scheduled arrangement goes live; a banner comes down. */
export const frontJobs: Record<string, JobHandler> = {
  [FRONT_SWITCH_JOB]: async () => {
    const applied = await applyDueFrontLayouts();
    if (applied > 0) {
      expireFront();
      log("info", "scheduled front page went live", { applied });
    }
  },
  [FRONT_REFRESH_JOB]: async () => expireFront(),
};
