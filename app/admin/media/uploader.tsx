"use client";

import { useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { uploadPhoto } from "@/components/admin/upload-photo";

type Item = { name: string; progress: number; state: "uploading" | "done" | "error"; message?: string; id?: string; existing?: boolean };

const ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif";

/** Drag-and-drop or pick several photos; each uploads with its own progress and result. */
export function Uploader() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);

  const upload = async (files: File[]) => {
    const start = items.length;
    setItems((list) => [...list, ...files.map((f) => ({ name: f.name, progress: 0, state: "uploading" as const }))]);
    const update = (i: number, patch: Partial<Item>) =>
      setItems((list) => list.map((item, j) => (j === start + i ? { ...item, ...patch } : item)));
    await Promise.all(
      files.map(async (file, i) => {
        const result = await uploadPhoto(file, (progress) => update(i, { progress }));
        update(
          i,
          result.ok ? { state: "done", progress: 1, id: result.id, existing: result.existing } : { state: "error", message: result.error },
        );
      }),
    );
    router.refresh();
  };

  return (
    <section className="card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload photos</h2>
      <div
        className={`dropzone ${over ? "over" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void upload([...e.dataTransfer.files]);
        }}
      >
        <p>Drop photos here, or</p>
        <label className="button secondary" htmlFor="photo-files">
          Choose photos
        </label>
        <input
          ref={input}
          id="photo-files"
          className="visually-hidden"
          type="file"
          accept={ACCEPT}
          multiple
          onChange={(e) => {
            void upload([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
        <p className="field-hint">JPEG, PNG, WebP, AVIF or GIF. Credits and captions embedded by the agency are read from the file.</p>
      </div>
      {items.length > 0 ? (
        <ul className="upload-list" aria-live="polite">
          {items.map((item, i) => (
            <li key={i}>
              <span className="upload-name">{item.name}</span>
              {item.state === "uploading" ? <progress max={1} value={item.progress} aria-label={`Uploading ${item.name}`} /> : null}
              {item.state === "done" && item.id ? (
                <Link href={`/admin/media/${item.id}`}>
                  {item.existing ? "Already in the library: open it" : "Uploaded: check the credit and add alt text"}
                </Link>
              ) : null}
              {item.state === "error" ? (
                <span className="field-error" role="alert">
                  {item.message}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
