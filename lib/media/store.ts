import fs from "node:fs/promises";
import path from "node:path";
import crypto from "node:crypto";
import { env } from "../env";

/** Where media files live. Local disk by default; an S3-compatible store implements the same three calls. */
export interface MediaStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

/** Keys are content hashes (with a crop in pixels and a width for variants) and an extension; nothing a user typed becomes a path. */
export const STORAGE_KEY = /^[a-f0-9]{64}(?:(?:-c\d{1,5}x\d{1,5}x\d{1,5}x\d{1,5})?-w\d{2,4})?\.(?:jpg|png|webp|avif|gif)$/;
/** The keys of variants, the only files readers get (originals keep their EXIF, GPS included). */
export const VARIANT_KEY = /^[a-f0-9]{64}(?:-c\d{1,5}x\d{1,5}x\d{1,5}x\d{1,5})?-w\d{2,4}\.(?:jpg|webp|avif)$/;

function assertKey(key: string) {
  if (!STORAGE_KEY.test(key)) throw new Error(`Invalid media storage key: ${key}`);
}

export class LocalDiskStore implements MediaStore {
  constructor(private readonly root: string) {}

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

  async remove(key: string) {
    assertKey(key);
    await fs.rm(path.join(this.root, key), { force: true });
  }
}

export const mediaStore: MediaStore = new LocalDiskStore(path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DATELINE_MEDIA_DIR));
