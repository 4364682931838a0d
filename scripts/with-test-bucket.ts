// Runs a command with Dateline's photos in a local S3-compatible bucket: starts s3rver
// (lib/test/test-bucket.ts) on a free loopback port, runs the command with DATELINE_MEDIA_STORE=s3
// and the bucket's variables, stops the server and removes its objects. With --postgres it also
// starts a throwaway PostgreSQL cluster (lib/test/pg-cluster.ts) with an empty database `dateline`
// and hands the command its address as DATABASE_URL; the cluster is stopped and deleted afterwards.
// For `npm test`'s bucket pass and its end-to-end pass on PostgreSQL:
//   npx tsx scripts/with-test-bucket.ts -- npx vitest run lib/media
//   DATELINE_E2E_ENGINE=postgresql npx tsx scripts/with-test-bucket.ts --postgres -- npx playwright test
import { spawn } from "node:child_process";
import { startPgCluster, type PgCluster } from "../lib/test/pg-cluster";
import { startTestBucket } from "../lib/test/test-bucket";

const args = process.argv.slice(2);
const postgres = args[0] === "--postgres";
const rest = postgres ? args.slice(1) : args;
const command = rest[0] === "--" ? rest.slice(1) : rest;
if (command.length === 0) {
  console.error("Usage: tsx scripts/with-test-bucket.ts [--postgres] -- <command> [args…]");
  process.exit(2);
}

const bucket = await startTestBucket();
console.log(`S3-compatible test bucket ${bucket.bucket} at ${bucket.endpoint}`);
let cluster: PgCluster | null = null;
const env: NodeJS.ProcessEnv = { ...process.env, ...bucket.env };
try {
  if (postgres) {
    cluster = await startPgCluster();
    cluster.createDatabase("dateline");
    env.DATABASE_URL = cluster.url("dateline");
    console.log(`PostgreSQL test cluster on port ${cluster.port}, database dateline`);
  }
} catch (error) {
  await bucket.stop();
  throw error;
}
const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env });
const stop = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
const code = await new Promise<number>((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
cluster?.stop();
await bucket.stop();
process.exit(code);
