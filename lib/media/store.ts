import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import crypto from "node:crypto";
import { Readable } from "node:stream";
import { env } from "../env";
import { STORAGE_KEY } from "./keys";
import { resolveRange, type ByteRange } from "./range";
import type { BucketStore, BucketStoreOptions } from "./bucket-store";

export { STORAGE_KEY };

/** A stored file, as a listing gives it. */
export type StoredFile = { key: string; modifiedAt: Date };

/** A file (or the range of it that was asked for) being read. */
export type MediaFile = {
  body: ReadableStream<Uint8Array>;
  /** The whole file's size. */
  totalBytes: number;
  /** The bytes `body` holds, inclusive; null for the whole file. */
  range: { start: number; end: number } | null;
};

/** A range past the end of a file of `totalBytes` bytes (answered 416). */
export type Unsatisfiable = { unsatisfiable: true; totalBytes: number };

/**
 * Where media files live: a folder on local disk (LocalDiskStore, the default) or any S3-compatible
 * bucket (BucketStore, DATELINE_MEDIA_STORE=s3). Both give the same guarantees, checked by the same
 * tests (store.int.test.ts): a file is visible under its key whole or not at all, whatever happens
 * during `put`; removing a missing file is no error.
 */
export interface MediaStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  /** Streams a file, or the bytes `range` selects; null when missing. */
  open(key: string, range?: ByteRange | null): Promise<MediaFile | Unsatisfiable | null>;
  exists(key: string): Promise<boolean>;
  remove(key: string): Promise<void>;
  /** Every stored file (for the sweep of files no photo uses, lib/media/orphans.ts). */
  list(): AsyncIterable<StoredFile>;
  /** Removes what interrupted writes older than `before` left aside (never visible under a key); returns how many. */
  sweepIncomplete(before: Date): Promise<number>;
  /** Throws, saying why, when the store cannot be used (a folder that cannot be written, a bucket that does not answer or does not exist). */
  check(): Promise<void>;
  /** Where the files are, for an operator's log line: "the folder …", "the bucket … at …". */
  describe(): string;
}

function assertKey(key: string) {
  if (!STORAGE_KEY.test(key)) throw new Error(`Invalid media storage key: ${key}`);
}

const TEMPORARY = /^\.(.+)\.[0-9a-f-]{36}\.tmp$/;

export class LocalDiskStore implements MediaStore {
  constructor(private readonly root: string) {}

  async check() {
    await fs.mkdir(this.root, { recursive: true });
    await fs.access(this.root, fsConstants.W_OK);
  }

  describe() {
    return `the folder ${this.root}`;
  }

  async put(key: string, data: Buffer) {
    assertKey(key);
    await fs.mkdir(this.root, { recursive: true });
    // Write aside, then rename: a crash or a full disk never leaves half a file under the real name.
    const tmp = path.join(this.root, `.${key}.${crypto.randomUUID()}.tmp`);
    try {
      await fs.writeFile(tmp, data, { flag: "wx" });
      await fs.rename(tmp, path.join(this.root, key));
    } catch (error) {
      await fs.rm(tmp, { force: true });
      throw error;
    }
  }

  async get(key: string) {
    if (!STORAGE_KEY.test(key)) return null;
    try {
      return await fs.readFile(path.join(this.root, key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async open(key: string, range?: ByteRange | null): Promise<MediaFile | Unsatisfiable | null> {
    if (!STORAGE_KEY.test(key)) return null;
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(path.join(this.root, key), "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    // Size and bytes come from the same open file, whatever happens to the name meanwhile.
    const { size } = await handle.stat();
    const bytes = range ? resolveRange(range, size) : null;
    if (range && !bytes) {
      await handle.close();
      return { unsatisfiable: true, totalBytes: size };
    }
    const stream = handle.createReadStream(bytes ? { start: bytes.start, end: bytes.end } : {});
    return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, totalBytes: size, range: bytes };
  }

  async exists(key: string) {
    if (!STORAGE_KEY.test(key)) return false;
    return fs.stat(path.join(this.root, key)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async remove(key: string) {
    assertKey(key);
    await fs.rm(path.join(this.root, key), { force: true });
  }

  async *list(): AsyncIterable<StoredFile> {
    const names = await fs.readdir(this.root).catch(() => [] as string[]);
    for (const name of names) {
      if (!STORAGE_KEY.test(name)) continue;
      const stat = await fs.stat(path.join(this.root, name)).catch(() => null);
      if (stat?.isFile()) yield { key: name, modifiedAt: stat.mtime };
    }
  }

  async sweepIncomplete(before: Date) {
    let removed = 0;
    for (const name of await fs.readdir(this.root).catch(() => [] as string[])) {
      if (!TEMPORARY.test(name)) continue;
      const file = path.join(this.root, name);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat || stat.mtime >= before) continue;
      await fs.rm(file, { force: true });
      removed++;
    }
    return removed;
  }
}

/**
 * The bucket store, loaded on first use: the AWS SDK takes most of a second to import, which
 * every script and server process that touches photos would otherwise pay with photos on disk.
 */
export class LazyBucketStore implements MediaStore {
  private loaded?: Promise<BucketStore>;
  constructor(private readonly options: BucketStoreOptions) {}

  private store() {
    return (this.loaded ??= import("./bucket-store").then(({ BucketStore }) => new BucketStore(this.options)));
  }

  async check() {
    return (await this.store()).check();
  }
  describe() {
    return `the bucket ${this.options.bucket}${this.options.endpoint ? ` at ${this.options.endpoint}` : ""}`;
  }
  async put(key: string, data: Buffer) {
    return (await this.store()).put(key, data);
  }
  async get(key: string) {
    return (await this.store()).get(key);
  }
  async open(key: string, range?: ByteRange | null) {
    return (await this.store()).open(key, range);
  }
  async exists(key: string) {
    return (await this.store()).exists(key);
  }
  async remove(key: string) {
    return (await this.store()).remove(key);
  }
  async *list() {
    yield* (await this.store()).list();
  }
  async sweepIncomplete() {
    return (await this.store()).sweepIncomplete();
  }
}

/** The store DATELINE_MEDIA_STORE names: the photos folder, or the bucket. */
export function mediaStoreFrom(e: typeof env): MediaStore {
  if (e.DATELINE_MEDIA_STORE === "s3") {
    return new LazyBucketStore({
      bucket: e.DATELINE_S3_BUCKET!,
      endpoint: e.DATELINE_S3_ENDPOINT,
      region: e.DATELINE_S3_REGION,
      forcePathStyle: e.DATELINE_S3_FORCE_PATH_STYLE,
      credentials:
        e.DATELINE_S3_ACCESS_KEY_ID && e.DATELINE_S3_SECRET_ACCESS_KEY
          ? { accessKeyId: e.DATELINE_S3_ACCESS_KEY_ID, secretAccessKey: e.DATELINE_S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return new LocalDiskStore(path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.DATELINE_MEDIA_DIR));
}

export const mediaStore: MediaStore = mediaStoreFrom(env);
