// The MediaStore contract, run against both stores: a folder on disk and an S3-compatible bucket
// (an s3rver started here, lib/test/test-bucket.ts). Photos are added and deleted by other
// processes configured for each store, as servers would.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import exifReader from "exif-reader";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeUser } from "../test/factories";
import { makePhoto } from "../test/images";
import { startTestBucket, TEST_BUCKET_KEY, type TestBucket } from "../test/test-bucket";
import { BucketStore } from "./bucket-store";
import { storedKeysOf } from "./ingest";
import { ORPHAN_MIN_AGE_MS, sweepOrphanFiles } from "./orphans";
import { LazyBucketStore, LocalDiskStore, mediaStore, type MediaFile, type MediaStore } from "./store";
import { env } from "../env";
import { VARIANT_KEY } from "./keys";
import { checkHealth } from "../ops/health";

let bucket: TestBucket;
let editor: Viewer;
const diskDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-store-"));

type Kind = "disk" | "bucket";
const stores: Partial<Record<Kind, { store: MediaStore; env: Record<string, string> }>> = {};

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  bucket = await startTestBucket();
  stores.disk = { store: new LocalDiskStore(diskDir), env: { DATELINE_MEDIA_STORE: "disk", DATELINE_MEDIA_DIR: diskDir } };
  stores.bucket = { store: testServerBucket(bucket.bucket), env: bucket.env };
});

afterAll(async () => {
  await bucket?.stop();
  fs.rmSync(diskDir, { recursive: true, force: true });
});

/** A bucket of that name on the test server (which may not have it). */
const testServerBucket = (name: string) =>
  new BucketStore({ bucket: name, endpoint: bucket.endpoint, region: "us-east-1", forcePathStyle: true, credentials: TEST_BUCKET_KEY });

const key = (seed: string, suffix = "-w480.jpg") => crypto.createHash("sha256").update(seed).digest("hex") + suffix;

async function text(file: MediaFile | null | { unsatisfiable: true }) {
  if (!file || "unsatisfiable" in file) throw new Error("no file");
  return Buffer.from(await new Response(file.body).arrayBuffer()).toString();
}

async function keysOf(store: MediaStore, sha256?: string) {
  const keys: string[] = [];
  for await (const file of store.list()) if (!sha256 || file.key.startsWith(sha256)) keys.push(file.key);
  return keys.sort();
}

/** Runs lib/test/media-process.ts with `env` (a store's configuration); resolves with its exit and output. */
function mediaProcess(env: Record<string, string>, ...args: string[]) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "lib/test/media-process.ts", args[0]!, JSON.stringify(editor), ...args.slice(1)],
    {
      env: { ...process.env, ...env, DATELINE_LOG_LEVEL: "error", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

async function photoFile(seed: number, width = 2000, height = 1300) {
  const data = await sharp(await makePhoto("jpeg", width, height, seed))
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "50/1 27/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "30/1 31/1 0/1" } })
    .jpeg()
    .toBuffer();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dateline-photo-")), "photo.jpg");
  fs.writeFileSync(file, data);
  return { file, sha256: crypto.createHash("sha256").update(data).digest("hex") };
}

it("uses the store DATELINE_MEDIA_STORE names (the bucket in scripts/test.sh's bucket pass)", () => {
  expect(mediaStore).toBeInstanceOf(env.DATELINE_MEDIA_STORE === "s3" ? LazyBucketStore : LocalDiskStore);
});

it("says at its check when it cannot be used, and where it is (a mistyped bucket went unnoticed until photos answered 404)", async () => {
  await expect(stores.disk!.store.check()).resolves.toBeUndefined();
  await expect(stores.bucket!.store.check()).resolves.toBeUndefined();
  const mistyped = testServerBucket(`${bucket.bucket}-mistyped`);
  await expect(mistyped.check()).rejects.toThrow("the bucket does not exist");
  expect(mistyped.describe()).toBe(`the bucket ${bucket.bucket}-mistyped at ${bucket.endpoint}`);
  // A folder that cannot be made (a file is in its way).
  const file = path.join(diskDir, "not-a-folder");
  fs.writeFileSync(file, "x");
  const blocked = new LocalDiskStore(path.join(file, "media"));
  await expect(blocked.check()).rejects.toThrow();
  expect(blocked.describe()).toBe(`the folder ${path.join(file, "media")}`);
});

it("makes /api/health unhealthy while the photo store cannot be used (a mistyped bucket answered ok)", async () => {
  for (const usable of [stores.disk!.store, stores.bucket!.store])
    expect(await checkHealth(usable)).toMatchObject({ ok: true, database: "ok", media: "ok" });
  const mistyped = testServerBucket(`${bucket.bucket}-health`);
  expect(await checkHealth(mistyped)).toMatchObject({ ok: false, database: "ok", media: "unavailable" });
  const file = path.join(diskDir, "in-the-way");
  fs.writeFileSync(file, "x");
  expect(await checkHealth(new LocalDiskStore(path.join(file, "media")))).toMatchObject({ ok: false, media: "unavailable" });
});

describe.each(["disk", "bucket"] as const)("the %s store", (kind) => {
  const s = () => stores[kind]!.store;

  it("gives back what was put, whole, and the new bytes after a second put", async () => {
    const k = key(`${kind}-roundtrip`);
    await s().put(k, Buffer.from("first version"));
    await s().put(k, Buffer.from("second version, longer"));
    expect((await s().get(k))?.toString()).toBe("second version, longer");
    expect(await s().exists(k)).toBe(true);
  });

  it("answers null for a missing or malformed key, and refuses to write under a malformed one", async () => {
    expect(await s().get(key(`${kind}-missing`))).toBeNull();
    expect(await s().open(key(`${kind}-missing`))).toBeNull();
    expect(await s().exists(key(`${kind}-missing`))).toBe(false);
    expect(await s().get("../../etc/passwd")).toBeNull();
    expect(await s().exists("../secret.jpg")).toBe(false);
    await expect(s().put("../evil.jpg", Buffer.from("x"))).rejects.toThrow(/Invalid media storage key/);
  });

  it("streams a whole file, or the byte range asked for", async () => {
    const k = key(`${kind}-range`, "-w960.webp");
    await s().put(k, Buffer.from("0123456789abcdef"));
    const whole = await s().open(k);
    expect(whole && "body" in whole && [whole.totalBytes, whole.range]).toEqual([16, null]);
    expect(await text(whole)).toBe("0123456789abcdef");

    const middle = await s().open(k, { start: 2, end: 5 });
    expect(middle && "body" in middle && [middle.totalBytes, middle.range]).toEqual([16, { start: 2, end: 5 }]);
    expect(await text(middle)).toBe("2345");
    expect(await text(await s().open(k, { start: 12 }))).toBe("cdef");
    expect(await text(await s().open(k, { suffix: 3 }))).toBe("def");
    expect(await text(await s().open(k, { start: 10, end: 99 }))).toBe("abcdef");
    expect(await s().open(k, { start: 16 })).toEqual({ unsatisfiable: true, totalBytes: 16 });
  });

  it("removes a file, and removing a missing one is no error", async () => {
    const k = key(`${kind}-remove`);
    await s().put(k, Buffer.from("x"));
    await s().remove(k);
    await s().remove(k);
    expect(await s().exists(k)).toBe(false);
    expect(await keysOf(s())).not.toContain(k);
  });

  it("lists stored files with their time", async () => {
    const k = key(`${kind}-listed`, ".png");
    const before = Date.now() - 2000;
    await s().put(k, Buffer.from("png"));
    const listed: { key: string; modifiedAt: Date }[] = [];
    for await (const file of s().list()) listed.push(file);
    const mine = listed.find((f) => f.key === k);
    expect(mine?.modifiedAt.getTime()).toBeGreaterThan(before);
    expect(listed.every((f) => /^[a-f0-9]{64}/.test(f.key))).toBe(true);
  });

  it("keeps a photo's files until it is deleted, then removes every one of them; no variant keeps the GPS position", async () => {
    const { file, sha256 } = await photoFile(kind === "disk" ? 31 : 32);
    const added = await mediaProcess(stores[kind]!.env, "upload", file);
    expect(added, added.stderr).toMatchObject({ code: 0 });
    const { id } = JSON.parse(added.stdout) as { id: string };
    const row = await db.image.findUniqueOrThrow({ where: { id } });
    const expected = (await storedKeysOf(row.sha256, row.storageKey, row.width)).sort();
    expect(expected).toHaveLength(1 + 4 * 3);
    expect(await keysOf(s(), sha256)).toEqual(expected);
    for (const k of expected.filter((k) => VARIANT_KEY.test(k))) {
      const meta = await sharp((await s().get(k))!).metadata();
      expect(meta.exif ? exifReader(meta.exif).GPSInfo : undefined, k).toBeUndefined();
    }
    // The original is kept as uploaded (GPS included), and never served (app/media/[key]/route.ts).
    expect(exifReader((await sharp((await s().get(row.storageKey))!).metadata()).exif!).GPSInfo).toBeDefined();

    const deleted = await mediaProcess(stores[kind]!.env, "delete", id);
    expect(deleted, deleted.stderr).toMatchObject({ code: 0 });
    expect(await keysOf(s(), sha256)).toEqual([]);
    expect(await db.image.count({ where: { id } })).toBe(0);
  }, 90_000);

  it("after a server dies mid-upload, no photo names the files it wrote, and the sweep removes them", async () => {
    const kept = await photoFile(kind === "disk" ? 41 : 42, 1200, 800);
    const keptUpload = await mediaProcess(stores[kind]!.env, "upload", kept.file);
    expect(keptUpload, keptUpload.stderr).toMatchObject({ code: 0 });
    const keptKeys = await keysOf(s(), kept.sha256);

    const { file, sha256 } = await photoFile(kind === "disk" ? 43 : 44);
    const crashed = await mediaProcess(stores[kind]!.env, "crash", file, "5");
    expect(crashed, crashed.stderr).toMatchObject({ signal: "SIGKILL" });
    expect(await db.image.count({ where: { sha256 } })).toBe(0);
    const left = await keysOf(s(), sha256);
    expect(left.length).toBeGreaterThanOrEqual(5);
    if (kind === "disk") {
      // Whatever is visible under a key is whole: the sixth write went to a temporary name.
      for (const k of left) await sharp((await s().get(k))!, { failOn: "truncated" }).toBuffer();
    }
    // (A bucket's PUT is atomic on S3 and the servers that implement it; s3rver, the test server,
    // writes objects in place, so an interrupted PUT is not a test of ours against it.)

    // A sweep now leaves them: an upload in progress has files and no row for a moment.
    expect((await sweepOrphanFiles(new Date(), s())).removedPhotos).toBe(0);
    expect(await keysOf(s(), sha256)).toEqual(left);

    const later = new Date(Date.now() + ORPHAN_MIN_AGE_MS + 60_000);
    const swept = await sweepOrphanFiles(later, s());
    expect(swept.removedFiles).toBeGreaterThanOrEqual(left.length);
    expect(await keysOf(s(), sha256)).toEqual([]);
    expect(await keysOf(s(), kept.sha256)).toEqual(keptKeys);
    if (kind === "disk") expect(fs.readdirSync(diskDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 90_000);
});
