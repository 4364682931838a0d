import { AppError } from "../errors";
import type { Viewer } from "../auth/viewer";
import { tooLargeMessage } from "../security/body-limit";
import { defaultLimits } from "./process";

/** An upload over DATELINE_MAX_UPLOAD_MB: `refusingTooLarge` answers it 413 rather than 422. */
export class UploadTooLargeError extends AppError {
  constructor(message: string) {
    super("invalid", message);
  }
}

/** Wraps an upload's route handler: a file over the limit is answered 413 with its sentence. */
export function refusingTooLarge<C extends object = object>(
  handler: (request: Request, context: C & { viewer: Viewer }) => Promise<Response>,
): (request: Request, context: C & { viewer: Viewer }) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof UploadTooLargeError) return Response.json({ error: error.message, code: error.code }, { status: 413 });
      throw error;
    }
  };
}

/** Reads the one file of a multipart upload (and its other text fields), refusing oversized bodies before buffering them. */
export async function readUploadedFile(request: Request): Promise<{ data: Buffer; name: string; fields: Record<string, string> }> {
  const limits = defaultLimits();
  // Room for the multipart framing around the file.
  const bodyLimit = limits.maxBytes + 1_000_000;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > bodyLimit) throw new UploadTooLargeError(tooLargeMessage(declared, "/api/media"));
  // A client may send no length (chunked) or a false one: count the bytes as they arrive.
  const body = await readBodyUpTo(request, bodyLimit, (total) => new UploadTooLargeError(tooLargeMessage(total, "/api/media")));
  const form = await new Response(new Uint8Array(body), { headers: { "content-type": request.headers.get("content-type") ?? "" } })
    .formData()
    .catch(() => {
      throw new AppError("invalid", "Send the photo as a multipart form with a field named file.");
    });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid", "Choose a photo to upload.");
  if (file.size > limits.maxBytes) {
    throw new UploadTooLargeError(
      `This photo is ${(file.size / 1_000_000).toFixed(1)} MB; the limit is ${Math.round(limits.maxBytes / 1_000_000)} MB.`,
    );
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
  return { data: Buffer.from(await file.arrayBuffer()), name: file.name, fields };
}

/** The request body, or `onTooLarge(bytes)` thrown as soon as more than `maxBytes` have arrived. */
export async function readBodyUpTo(request: Request, maxBytes: number, onTooLarge: (bytes: number) => Error): Promise<Buffer> {
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
      throw onTooLarge(total);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
