"use client";

import "@/lib/security/zod-jitless";
import { useState } from "react";
import { creditLine } from "@/lib/media/schema";
import type { LibraryImage } from "@/lib/media/queries";
import { PhotoUploadButton } from "./photo-upload-button";

export type InlinePhoto = { imageId: string; caption?: string; credit?: string; alt?: string };

/** Chooses a library photo (or uploads one) to place in the body, with this story's caption, credit and alt text. */
export function InlinePhotoPanel({
  images,
  onInsert,
  onClose,
}: {
  images: LibraryImage[];
  onInsert: (photo: InlinePhoto) => void;
  onClose: () => void;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [caption, setCaption] = useState("");
  const [credit, setCredit] = useState("");
  const [alt, setAlt] = useState("");
  const image = images.find((i) => i.id === chosen);
  return (
    <div className="inline-photo-panel" role="group" aria-label="Insert a photo">
      <div className="thumbs" role="radiogroup" aria-label="Choose a photo for the body">
        {images.map((img) => (
          <label key={img.id} className={`thumb ${chosen === img.id ? "selected" : ""}`}>
            <input type="radio" name="inline-photo" checked={chosen === img.id} onChange={() => setChosen(img.id)} />
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={img.src}
              alt={img.altText || "Untitled photo"}
              width={96}
              height={Math.round((96 * img.height) / img.width)}
              loading="lazy"
            />
            <span className="thumb-credit">{creditLine(img.credit, img.agency) || "No credit"}</span>
          </label>
        ))}
      </div>
      <PhotoUploadButton
        id="inline-upload"
        onUploaded={(r) => {
          setChosen(r.id);
          setCaption(r.suggested?.caption ?? "");
          setCredit(r.suggested?.credit ?? "");
        }}
      />
      {chosen ? (
        <div className="source-grid">
          <div className="field">
            <label htmlFor="inline-caption">Caption for this story</label>
            <input id="inline-caption" value={caption} placeholder={image?.caption} onChange={(e) => setCaption(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="inline-credit">Credit for this story</label>
            <input id="inline-credit" value={credit} placeholder={image?.credit} onChange={(e) => setCredit(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="inline-alt">Alt text for this story</label>
            <input id="inline-alt" value={alt} placeholder={image?.altText} onChange={(e) => setAlt(e.target.value)} />
          </div>
        </div>
      ) : null}
      <div className="workflow-moves">
        <button
          type="button"
          className="button secondary"
          disabled={!chosen}
          onClick={() =>
            chosen && onInsert({ imageId: chosen, caption: caption || undefined, credit: credit || undefined, alt: alt || undefined })
          }
        >
          Insert photo
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
