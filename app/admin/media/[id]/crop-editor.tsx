"use client";

import "@/lib/security/zod-jitless";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { callAction } from "@/components/forms/call-action";
import { FormMessage } from "@/components/forms/form-message";
import type { Crop } from "@/lib/media/variants";
import { cropImageAction } from "../actions";

const ASPECTS = [
  ["original", "Original shape", 0],
  ["3:2", "3:2 (landscape)", 3 / 2],
  ["16:9", "16:9 (wide)", 16 / 9],
  ["4:3", "4:3", 4 / 3],
  ["1:1", "1:1 (square)", 1],
  ["4:5", "4:5 (portrait)", 4 / 5],
] as const;

type Props = {
  id: string;
  preview: string;
  /** The oriented original's size. */
  width: number;
  height: number;
  crop: Crop;
  focalX: number;
  focalY: number;
  readOnly: boolean;
  /** The variants readers get now (after the saved crop). */
  variants: { width: number; height: number; src: string }[];
};

/** The largest crop of `aspect` at `zoom` (1 = as large as fits) centred on the focal point, kept inside the photo. */
export function cropAround(width: number, height: number, aspect: number, zoom: number, fx: number, fy: number): Crop {
  const ratio = aspect || width / height;
  let w = 1;
  let h = (width / ratio / height) * w;
  if (h > 1) {
    h = 1;
    w = (height * ratio) / width;
  }
  w *= zoom;
  h *= zoom;
  const clamp = (v: number, size: number) => Math.min(1 - size, Math.max(0, v - size / 2));
  const r = (v: number) => Math.round(v * 10000) / 10000;
  return { cropX: r(clamp(fx, w)), cropY: r(clamp(fy, h)), cropW: r(w), cropH: r(h) };
}

/** Sets the crop readers get around the photo's focal point, previews it, and shows the variants made from it. */
export function CropEditor({ id, preview, width, height, crop: saved, focalX, focalY, readOnly, variants }: Props) {
  const router = useRouter();
  const [aspect, setAspect] = useState<(typeof ASPECTS)[number][0]>("original");
  const [zoom, setZoom] = useState(Math.round(Math.max(saved.cropW, saved.cropH) * 100));
  const [crop, setCrop] = useState<Crop>(saved);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const ratio = ASPECTS.find((a) => a[0] === aspect)![2];
  const recompute = (nextAspect: number, nextZoom: number) =>
    setCrop(cropAround(width, height, nextAspect, nextZoom / 100, focalX, focalY));
  const changed = ["cropX", "cropY", "cropW", "cropH"].some((k) => Math.abs(crop[k as keyof Crop] - saved[k as keyof Crop]) > 0.0001);

  const save = async () => {
    setPending(true);
    setMessage(null);
    try {
      const result = await callAction(() => cropImageAction({ id, ...crop }));
      setMessage(
        result.ok
          ? {
              kind: "success",
              text: "Crop saved: readers' pictures were made again, and the stories showing this photo now show the new crop.",
            }
          : { kind: "error", text: result.error },
      );
      if (result.ok) router.refresh();
    } finally {
      setPending(false);
    }
  };
  const pxW = Math.round(crop.cropW * width);
  const pxH = Math.round(crop.cropH * height);
  return (
    <section className="card crop-editor" aria-labelledby="crop-heading">
      <h2 id="crop-heading">Crop</h2>
      <p className="field-hint">
        The crop is centred on the focal point (click the photo above to move it). Readers get only the part inside the frame.
      </p>
      <div className="crop-stage">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={preview} alt="" width={width} height={height} />
        <span
          className="crop-frame"
          data-testid="crop-frame"
          aria-hidden="true"
          style={{
            left: `${crop.cropX * 100}%`,
            top: `${crop.cropY * 100}%`,
            width: `${crop.cropW * 100}%`,
            height: `${crop.cropH * 100}%`,
          }}
        />
      </div>
      {readOnly ? null : (
        <div className="crop-controls">
          <div className="field">
            <label htmlFor="crop-aspect">Shape</label>
            <select
              id="crop-aspect"
              value={aspect}
              onChange={(e) => {
                const next = e.target.value as typeof aspect;
                setAspect(next);
                recompute(ASPECTS.find((a) => a[0] === next)![2], zoom);
              }}
            >
              {ASPECTS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="crop-zoom">Size ({zoom}% of what fits)</label>
            <input
              id="crop-zoom"
              type="range"
              min={30}
              max={100}
              value={zoom}
              onChange={(e) => {
                setZoom(Number(e.target.value));
                recompute(ratio, Number(e.target.value));
              }}
            />
          </div>
          <div className="workflow-moves">
            <button type="button" className="button" disabled={pending || !changed} onClick={save}>
              {pending ? "Making the pictures…" : "Save crop"}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={pending}
              onClick={() => {
                setAspect("original");
                setZoom(100);
                setCrop({ cropX: 0, cropY: 0, cropW: 1, cropH: 1 });
              }}
            >
              No crop
            </button>
          </div>
        </div>
      )}
      {message ? <FormMessage kind={message.kind}>{message.text}</FormMessage> : null}
      <h3>What readers get</h3>
      <p className="field-hint" data-testid="crop-size">
        {changed
          ? `After saving: ${pxW}×${pxH} px (preview below, before the pictures are made).`
          : `${pxW}×${pxH} px, in ${variants.length} sizes, each as AVIF, WebP and JPEG.`}
      </p>
      {changed ? (
        <div className="crop-preview" style={{ aspectRatio: `${pxW} / ${pxH}` }} data-testid="crop-preview">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={preview}
            alt=""
            style={{
              width: `${100 / crop.cropW}%`,
              left: `${(-crop.cropX / crop.cropW) * 100}%`,
              top: `${(-crop.cropY / crop.cropH) * 100}%`,
            }}
          />
        </div>
      ) : (
        <ul className="variant-list" data-testid="variant-list">
          {variants.map((v) => (
            <li key={v.width}>
              <a href={v.src} target="_blank" rel="noreferrer">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={v.src} alt="" width={160} height={Math.round((160 * v.height) / v.width)} loading="lazy" />
                <span>
                  {v.width}×{v.height}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
