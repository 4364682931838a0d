import type { JobHandler } from "../jobs/runner";
import { captureSourceJob, SOURCE_CAPTURE_JOB } from "./capture";
import { runSourceChecks, SOURCE_CHECK_JOB } from "./check";
import { SOURCE_CHECK_EVERY_MS } from "./check-schedule";

export { SOURCE_CHECK_JOB, SOURCE_CHECK_EVERY_MS };

/** The handlers every server process's job runner runs for sources: captures, and the link checker's passes. */
export const sourceJobs: Record<string, JobHandler> = {
  [SOURCE_CAPTURE_JOB]: captureSourceJob,
  [SOURCE_CHECK_JOB]: async () => {
    await runSourceChecks();
    return { again: new Date(Date.now() + SOURCE_CHECK_EVERY_MS) };
  },
};
