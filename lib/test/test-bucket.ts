// An S3-compatible server for tests, in this process: @20minutes/s3rver (npm, pure JavaScript, no
// binary download), a maintained fork of s3rver that works with the AWS SDK v3 and path-style
// addressing. Started and stopped by the tests themselves, on a free loopback port, with its
// objects in a temporary folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "@20minutes/s3rver";

export type TestBucket = {
  endpoint: string;
  bucket: string;
  /** The objects' folder (s3rver keeps one file per object under <dir>/<bucket>/). */
  dir: string;
  /** The variables that point Dateline at this bucket. */
  env: Record<string, string>;
  stop(): Promise<void>;
};

/** s3rver's built-in account (it refuses other key ids). */
export const TEST_BUCKET_KEY = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startTestBucket({ bucket = "dateline-photos", port = 0 } = {}): Promise<TestBucket> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
    // This fork checks SigV4 on object requests but canonicalises bucket-level paths without the
    // trailing slash the SDK signs (/bucket/?list-type=2), so listings would be refused; key ids
    // are still checked. Real S3, MinIO and Garage check every signature.
    allowMismatchedSignatures: true,
  });
  const { port: bound } = await server.run();
  const endpoint = `http://127.0.0.1:${bound}`;
  return {
    endpoint,
    bucket,
    dir,
    env: {
      DATELINE_MEDIA_STORE: "s3",
      DATELINE_S3_BUCKET: bucket,
      DATELINE_S3_ENDPOINT: endpoint,
      DATELINE_S3_REGION: "us-east-1",
      DATELINE_S3_ACCESS_KEY_ID: TEST_BUCKET_KEY.accessKeyId,
      DATELINE_S3_SECRET_ACCESS_KEY: TEST_BUCKET_KEY.secretAccessKey,
      DATELINE_S3_FORCE_PATH_STYLE: "true",
    },
    async stop() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
