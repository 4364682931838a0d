import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((v) => v === "true" || v === "1");

/** Where photos are kept (lib/media/store.ts): part of lib/env.ts's schema. */
export const mediaStoreEnv = {
  /** `disk` (DATELINE_MEDIA_DIR, the default) or `s3` (any S3-compatible bucket, lib/media/bucket-store.ts). */
  DATELINE_MEDIA_STORE: z.enum(["disk", "s3"]).default("disk"),
  DATELINE_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens")
    .optional(),
  /** The S3-compatible server, e.g. https://s3.eu-central-1.amazonaws.com or http://127.0.0.1:9000; unset: AWS S3 for the region. */
  DATELINE_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  DATELINE_S3_REGION: z.string().min(1).default("us-east-1"),
  /** With the secret below; both unset: the AWS SDK's own chain (AWS_* variables, instance or task role). */
  DATELINE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  DATELINE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Addresses as endpoint/bucket/key rather than bucket.endpoint/key (MinIO, Garage, Ceph and most self-hosted servers). */
  DATELINE_S3_FORCE_PATH_STYLE: flag,
  /**
   * Readers load photo variants from this base URL (a CDN, or the bucket's public `variants/` prefix)
   * instead of Dateline's /media route, e.g. https://photos.example.org or
   * https://bucket.s3.amazonaws.com/variants. Variants are stored with immutable caching headers.
   */
  DATELINE_MEDIA_PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
};

type MediaStoreEnv = z.output<z.ZodObject<typeof mediaStoreEnv>>;

/** The rules between the variables: a bucket store needs its bucket, and keys come in pairs. */
export function mediaStoreEnvProblems(value: MediaStoreEnv, ctx: z.RefinementCtx) {
  if (value.DATELINE_MEDIA_STORE === "s3" && !value.DATELINE_S3_BUCKET) {
    ctx.addIssue({ code: "custom", path: ["DATELINE_S3_BUCKET"], message: "is required when DATELINE_MEDIA_STORE=s3" });
  }
  if (!value.DATELINE_S3_ACCESS_KEY_ID !== !value.DATELINE_S3_SECRET_ACCESS_KEY) {
    ctx.addIssue({
      code: "custom",
      path: [value.DATELINE_S3_ACCESS_KEY_ID ? "DATELINE_S3_SECRET_ACCESS_KEY" : "DATELINE_S3_ACCESS_KEY_ID"],
      message: "must be set together with the other S3 key (or leave both unset to use the AWS SDK's own credentials)",
    });
  }
}
