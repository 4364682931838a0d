import { env } from "../env";
import { log } from "../log";
import type { JobHandler } from "../jobs/runner";
import { scanWireFolder } from "./folder";
import { pollDueFeeds } from "./feeds";

/** The recurring jobs of the wire desk (on the shared job runner): the watched folder and the polled feeds. */
export const WIRE_FOLDER_JOB = "wire-folder";
export const WIRE_FEEDS_JOB = "wire-feeds";
export const wireEveryMs = () => env.DATELINE_WIRE_SCAN_SECONDS * 1000;

export const wireJobs: Record<string, JobHandler> = {
  [WIRE_FOLDER_JOB]: async () => {
    const scan = await scanWireFolder();
    if (scan.files) log("info", "wire folder scanned", { files: scan.files, items: scan.items.length, failed: scan.failed.length });
    return { again: new Date(Date.now() + wireEveryMs()) };
  },
  [WIRE_FEEDS_JOB]: async () => {
    await pollDueFeeds();
    return { again: new Date(Date.now() + wireEveryMs()) };
  },
};
