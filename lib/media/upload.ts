import { AppError } from "../errors";
import { defaultLimits } from "./process";

/** Reads the one file of a multipart upload, refusing oversized bodies before buffering them. */
export async function readUploadedFile(request: Request): Promise<{ data: Buffer; name: string }> {
  const limits = defaultLimits();
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limits.maxBytes + 1_000_000) {
    throw new AppError("invalid", `This file is ${(declared / 1_000_000).toFixed(1)} MB; the limit is ${Math.round(limits.maxBytes / 1_000_000)} MB.`);
  }
  // A client may send no length (chunked) or a false one: count the bytes as they arrive.
  const body = await readBodyUpTo(request, limits.maxBytes + 1_000_000, () => tooLarge(limits.maxBytes));
  const form = await new Response(new Uint8Array(body), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => {
    throw new AppError("invalid", "Send the photo as a multipart form with a field named file.");
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid", "Choose a photo to upload.");
  return { data: Buffer.from(await file.arrayBuffer()), name: file.name };
}

const tooLarge = (maxBytes: number) => new AppError("invalid", `This file is larger than the limit of ${Math.round(maxBytes / 1_000_000)} MB.`);

/** The request body, or `onTooLarge()` thrown as soon as more than `maxBytes` have arrived. */
export async function readBodyUpTo(request: Request, maxBytes: number, onTooLarge: () => Error): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw onTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
