"use client";

import type { LibraryImage } from "@/lib/media/queries";
import type { PhotoDetailsFromFile } from "@/lib/media/schema";

/**
 * `photo`: the library's record (a file already in the library comes back with the details
 * editors stored on it); `fromFile`: the details read from a new file, now on that record.
 */
export type UploadResult =
  | { ok: true; id: string; existing: boolean; photo: LibraryImage | null; fromFile: PhotoDetailsFromFile | null }
  | { ok: false; error: string };

/** Uploads one photo to the library with progress (XMLHttpRequest, since fetch reports none). */
export function uploadPhoto(file: File, onProgress: (fraction: number) => void, url = "/api/media"): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append("file", file);
    xhr.open("POST", url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: { id?: string; existing?: boolean; photo?: LibraryImage; fromFile?: PhotoDetailsFromFile | null; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML error page: fall through to the generic message.
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.id) {
        resolve({ ok: true, id: body.id, existing: !!body.existing, photo: body.photo ?? null, fromFile: body.fromFile ?? null });
      } else {
        resolve({
          ok: false,
          error: body.error ?? (xhr.status === 413 ? "This file is too large." : `The upload failed (HTTP ${xhr.status}).`),
        });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: "The upload was interrupted. Check your connection and try again." });
    xhr.send(form);
  });
}
