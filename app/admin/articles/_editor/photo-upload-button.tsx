"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { uploadPhoto, type UploadResult } from "@/components/admin/upload-photo";

type Uploaded = Extract<UploadResult, { ok: true }>;

/** Uploads a photo on the spot from the story editor, then refreshes the library list. */
export function PhotoUploadButton({ id, onUploaded }: { id: string; onUploaded: (result: Uploaded) => void }) {
  const router = useRouter();
  const [state, setState] = useState<{ progress?: number; error?: string }>({});
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setState({ progress: 0 });
    const result = await uploadPhoto(file, (progress) => setState({ progress }));
    if (!result.ok) return setState({ error: result.error });
    setState({});
    router.refresh();
    onUploaded(result);
  };
  return (
    <div className="photo-upload">
      <label className="button secondary" htmlFor={id}>
        Upload a photo…
      </label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        onChange={(e) => {
          void upload(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      {state.progress !== undefined ? <progress max={1} value={state.progress} aria-label="Uploading the photo" /> : null}
      {state.error ? (
        <p className="field-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
