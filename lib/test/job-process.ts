// Another server process, for the tests of lib/jobs and lib/cache/shared-expiry.ts:
//   tsx lib/test/job-process.ts count <ackFile> <ms> [readyFile]   runs "test-count" jobs for <ms>, appending each job's key and pid to ackFile
//   tsx lib/test/job-process.ts scheduler <ms> <id>    runs the scheduler's recurring job (every 50 ms; a failed run
//                                                      tried again after 200 ms) until story <id> is no longer due, at most <ms>
//   tsx lib/test/job-process.ts expire <tags as JSON>  records a cache expiry, as a change in another process would
import fs from "node:fs";
import { JobRunner } from "../jobs/runner";
import { ensureRecurring } from "../jobs/queue";
import { backgroundJobs, PUBLISH_DUE_JOB } from "../articles/scheduler-loop";
import { expiryRecordsWritten, recordExpiry } from "../cache/shared-expiry";
import { db } from "../db";

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
  const runner = new JobRunner({ handlers: backgroundJobs(50), backoffMs: 200 });
  const until = Date.now() + Number(a);
  const due = () => db.article.count({ where: { id: b, status: "SCHEDULED" } });
  // Whichever process publishes: both run until the story is out (a run that failed on a busy
  // machine is tried again), so the test waits no longer than the work takes.
  while (Date.now() < until && (await due()) > 0) if ((await runner.runDue()) === 0) await sleep(5);
} else if (mode === "expire") {
  await recordExpiry(JSON.parse(a!) as string[]);
}
// A publish records its pages' expiry for the other processes without waiting for it: seen
// PUBLISHED, the story's expiry may still be on its way (on PostgreSQL the test once found none).
await expiryRecordsWritten();
process.exit(0);
