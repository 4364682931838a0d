import { describe, expect, it } from "vitest";
import { z } from "zod";
import { mediaStoreEnv, mediaStoreEnvProblems } from "./store-env";

const schema = z.object(mediaStoreEnv).superRefine(mediaStoreEnvProblems);
const problems = (env: Record<string, string>) => {
  const result = schema.safeParse(env);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the photo store's configuration", () => {
  it("keeps photos on disk unless told otherwise", () => {
    expect(schema.parse({})).toMatchObject({ DATELINE_MEDIA_STORE: "disk", DATELINE_S3_FORCE_PATH_STYLE: false });
  });

  it("takes a bucket with its endpoint, keys and public base URL", () => {
    expect(
      schema.parse({
        DATELINE_MEDIA_STORE: "s3",
        DATELINE_S3_BUCKET: "newsroom-photos",
        DATELINE_S3_ENDPOINT: "http://127.0.0.1:9000",
        DATELINE_S3_ACCESS_KEY_ID: "id",
        DATELINE_S3_SECRET_ACCESS_KEY: "secret",
        DATELINE_S3_FORCE_PATH_STYLE: "1",
        DATELINE_MEDIA_PUBLIC_BASE_URL: "https://photos.example.org/variants/",
      }),
    ).toMatchObject({ DATELINE_S3_FORCE_PATH_STYLE: true, DATELINE_MEDIA_PUBLIC_BASE_URL: "https://photos.example.org/variants" });
  });

  it("says what is missing or wrong, at the variable", () => {
    expect(problems({ DATELINE_MEDIA_STORE: "s3" })).toEqual(["DATELINE_S3_BUCKET: is required when DATELINE_MEDIA_STORE=s3"]);
    expect(problems({ DATELINE_MEDIA_STORE: "s3", DATELINE_S3_BUCKET: "b", DATELINE_S3_ACCESS_KEY_ID: "id" })).toEqual([
      "DATELINE_S3_BUCKET: must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens",
      "DATELINE_S3_SECRET_ACCESS_KEY: must be set together with the other S3 key (or leave both unset to use the AWS SDK's own credentials)",
    ]);
    expect(problems({ DATELINE_MEDIA_STORE: "bucket" })[0]).toMatch(/^DATELINE_MEDIA_STORE:/);
    expect(problems({ DATELINE_MEDIA_PUBLIC_BASE_URL: "javascript:alert(1)" })[0]).toMatch(/^DATELINE_MEDIA_PUBLIC_BASE_URL:/);
  });
});
