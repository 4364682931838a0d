// Another server process, for the tests of lib/jobs and lib/cache/shared-expiry.ts:
//   tsx lib/test/job-process.ts count <ackFile> <ms> [readyFile]   runs "test-count" jobs for <ms>, appending each job's key and pid to ackFile
//   tsx lib/test/job-process.ts scheduler <ms>         runs the scheduler's recurring job (every 50 ms) for <ms>
//   tsx lib/test/job-process.ts expire <tags as JSON>  records a cache expiry, as a change in another process would
import fs from "node:fs";
import { JobRunner } from "../jobs/runner";
import { ensureRecurring } from "../jobs/queue";
import { backgroundJobs, PUBLISH_DUE_JOB } from "../articles/scheduler-loop";
import { recordExpiry } from "../cache/shared-expiry";

const [mode, a, b] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runFor(runner: JobRunner, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) if ((await runner.runDue()) === 0) await sleep(5);
}

if (mode === "count") {
  // Says it is running (one byte in the file given after <ms>), then runs jobs.
  if (process.argv[5]) fs.appendFileSync(process.argv[5], "+");
  const runner = new JobRunner({
    handlers: {
      "test-count": async (job) => {
        await sleep(3);
        fs.appendFileSync(a!, `${job.key} ${process.pid}\n`);
      },
    },
  });
  await runFor(runner, Number(b));
} else if (mode === "scheduler") {
  await ensureRecurring(PUBLISH_DUE_JOB, 50);
  await runFor(new JobRunner({ handlers: backgroundJobs(50) }), Number(a));
} else if (mode === "expire") {
  await recordExpiry(JSON.parse(a!) as string[]);
}
process.exit(0);
