import { AppError } from "../errors";
import { defaultLimits } from "./process";

/** Reads the one file of a multipart upload, refusing oversized bodies before buffering them. */
export async function readUploadedFile(request: Request): Promise<{ data: Buffer; name: string }> {
  const limits = defaultLimits();
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limits.maxBytes + 1_000_000) {
    throw new AppError("invalid", `This file is ${(declared / 1_000_000).toFixed(1)} MB; the limit is ${Math.round(limits.maxBytes / 1_000_000)} MB.`);
  }
  const form = await request.formData().catch(() => {
    throw new AppError("invalid", "Send the photo as a multipart form with a field named file.");
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid", "Choose a photo to upload.");
  return { data: Buffer.from(await file.arrayBuffer()), name: file.name };
}
