// Runs a command with Dateline's photos in a local S3-compatible bucket: starts s3rver
// (lib/test/test-bucket.ts) on a free loopback port, runs the command with DATELINE_MEDIA_STORE=s3
// and the bucket's variables, stops the server and removes its objects. For `npm test`'s bucket pass:
//   npx tsx scripts/with-test-bucket.ts -- npx vitest run lib/media
import { spawn } from "node:child_process";
import { startTestBucket } from "../lib/test/test-bucket";

const args = process.argv.slice(2);
const command = args[0] === "--" ? args.slice(1) : args;
if (command.length === 0) {
  console.error("Usage: tsx scripts/with-test-bucket.ts -- <command> [args…]");
  process.exit(2);
}

const bucket = await startTestBucket();
console.log(`S3-compatible test bucket ${bucket.bucket} at ${bucket.endpoint}`);
const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env: { ...process.env, ...bucket.env } });
const stop = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
const code = await new Promise<number>((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await bucket.stop();
process.exit(code);
