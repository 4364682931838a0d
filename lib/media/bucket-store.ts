import crypto from "node:crypto";
import {
  HeadBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { contentTypeOf, IMMUTABLE, STORAGE_KEY, VARIANT_KEY } from "./keys";
import { rangeHeader, resolveRange, type ByteRange } from "./range";
import type { MediaFile, MediaStore, StoredFile, Unsatisfiable } from "./store";

export type BucketStoreOptions = {
  bucket: string;
  /** An S3-compatible server; unset: AWS S3 in `region`. */
  endpoint?: string;
  region: string;
  forcePathStyle?: boolean;
  /** Unset: the AWS SDK's own chain (AWS_* variables, instance or task role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/** Variants (no metadata) may be made public with a bucket policy on this prefix; originals never are. */
export const VARIANTS_PREFIX = "variants/";
export const ORIGINALS_PREFIX = "originals/";

const objectName = (key: string) => (VARIANT_KEY.test(key) ? VARIANTS_PREFIX : ORIGINALS_PREFIX) + key;

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.$metadata.httpStatusCode === 404 || error.name === "NoSuchKey" || error.name === "NotFound");

/**
 * Photos in any S3-compatible bucket (AWS S3, MinIO, Garage, Ceph, R2, Wasabi, …) through the AWS
 * SDK v3. A PutObject is atomic: the object appears whole when the upload completes, or not at
 * all, so an interrupted write leaves nothing visible (no multipart uploads are used; photos are
 * at most DATELINE_MAX_UPLOAD_MB). Each body carries its MD5, so the server refuses one damaged on
 * the way.
 */
export class BucketStore implements MediaStore {
  readonly client: S3Client;
  readonly bucket: string;
  private readonly endpoint?: string;

  constructor(options: BucketStoreOptions) {
    this.bucket = options.bucket;
    this.endpoint = options.endpoint;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: options.credentials,
      // Newer SDKs add CRC checksums (and aws-chunked bodies) to every upload by default, which
      // many S3-compatible servers refuse; send them only where the API requires one.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 3,
      // A stuck connection fails the upload (and the editor is told) rather than hanging the request.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  async check() {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      throw new Error(
        status === 404
          ? "the bucket does not exist"
          : status === 403
            ? "the keys may not use the bucket"
            : String((error as Error).message || error).slice(0, 300),
      );
    }
  }

  describe() {
    return `the bucket ${this.bucket}${this.endpoint ? ` at ${this.endpoint}` : ""}`;
  }

  async put(key: string, data: Buffer) {
    if (!STORAGE_KEY.test(key)) throw new Error(`Invalid media storage key: ${key}`);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: objectName(key),
        Body: data,
        ContentLength: data.length,
        ContentMD5: crypto.createHash("md5").update(data).digest("base64"),
        ContentType: contentTypeOf(key),
        // Served as they are from a public base URL; originals are never served.
        CacheControl: VARIANT_KEY.test(key) ? IMMUTABLE : "private, no-store",
      }),
    );
  }

  async get(key: string) {
    if (!STORAGE_KEY.test(key)) return null;
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectName(key) }));
      return Buffer.from(await object.Body!.transformToByteArray());
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async open(key: string, range?: ByteRange | null): Promise<MediaFile | Unsatisfiable | null> {
    if (!STORAGE_KEY.test(key)) return null;
    try {
      if (range && "suffix" in range) {
        // Not every S3-compatible server reads `bytes=-N` right (s3rver does not): ask for the size first.
        const size = (await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectName(key) }))).ContentLength ?? 0;
        const bytes = resolveRange(range, size);
        if (!bytes) return { unsatisfiable: true, totalBytes: size };
        range = bytes;
      }
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: objectName(key), Range: range ? rangeHeader(range) : undefined }),
      );
      // "bytes 0-99/1234" when a range was given (a server may also answer a range with the whole file).
      const part = object.ContentRange?.match(/^bytes (\d+)-(\d+)\/(\d+)$/);
      const body = object.Body!.transformToWebStream() as ReadableStream<Uint8Array>;
      if (part) return { body, totalBytes: Number(part[3]), range: { start: Number(part[1]), end: Number(part[2]) } };
      return { body, totalBytes: object.ContentLength ?? 0, range: null };
    } catch (error) {
      if (isNotFound(error)) return null;
      if (error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 416 || error.name === "InvalidRange")) {
        const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectName(key) }));
        return { unsatisfiable: true, totalBytes: head.ContentLength ?? 0 };
      }
      throw error;
    }
  }

  async exists(key: string) {
    if (!STORAGE_KEY.test(key)) return false;
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectName(key) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async remove(key: string) {
    if (!STORAGE_KEY.test(key)) throw new Error(`Invalid media storage key: ${key}`);
    // Deleting a missing object succeeds (204), as on disk.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectName(key) }));
  }

  async *list(): AsyncIterable<StoredFile> {
    for (const prefix of [ORIGINALS_PREFIX, VARIANTS_PREFIX]) {
      let token: string | undefined;
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: 1000 }),
        );
        for (const object of page.Contents ?? []) {
          const key = object.Key?.slice(prefix.length);
          if (key && STORAGE_KEY.test(key) && objectName(key) === object.Key) {
            yield { key, modifiedAt: object.LastModified ?? new Date(0) };
          }
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    }
  }

  /** A PutObject is all or nothing, and no multipart upload is ever started: nothing incomplete to remove. */
  async sweepIncomplete(): Promise<number> {
    return 0;
  }
}
