"use client";

import "@/lib/security/zod-jitless";
import { useState } from "react";
import type { LibraryImage } from "@/lib/media/queries";
import { PhotoUploadButton } from "./photo-upload-button";
import { PhotoPicker } from "./photo-picker";
import { LibraryDetails } from "./library-details";

export type InlinePhoto = { imageId: string; caption?: string; credit?: string; alt?: string };

/**
 * Chooses a library photo (searchable, paged) or uploads one to place in the body. The library's
 * caption and credit apply unless this story gives its own.
 */
export function InlinePhotoPanel({
  images,
  onInsert,
  onClose,
}: {
  images: LibraryImage[];
  onInsert: (photo: InlinePhoto) => void;
  onClose: () => void;
}) {
  const [photo, setPhoto] = useState<LibraryImage | null>(null);
  const [caption, setCaption] = useState("");
  const [credit, setCredit] = useState("");
  const [alt, setAlt] = useState("");
  const choose = (picked: LibraryImage | null) => {
    setPhoto(picked);
    setCaption("");
    setCredit("");
    setAlt("");
  };
  return (
    <div
      className="inline-photo-panel"
      role="group"
      aria-label="Insert a photo"
      onKeyDown={(e) => {
        // Escape closes the panel, but not from the search box (where it clears the search) nor once
        // something is typed for this story (Cancel does that): a key must not throw away writing.
        if (e.key !== "Escape" || e.defaultPrevented || (e.target as HTMLElement).matches('input[type="search"]')) return;
        if (caption || credit || alt) return;
        e.preventDefault();
        onClose();
      }}
    >
      <PhotoPicker
        initial={images}
        selectedId={photo?.id ?? null}
        onSelect={choose}
        name="inline-photo"
        label="Choose a photo for the body"
      />
      <PhotoUploadButton id="inline-upload" onUploaded={(r) => choose(r.photo)} />
      {photo ? (
        <>
          <LibraryDetails photo={photo} />
          <p className="field-hint">For this story only; leave a field empty to use the library&apos;s.</p>
          <div className="source-grid">
            <div className="field">
              <label htmlFor="inline-caption">Caption for this story</label>
              <textarea
                id="inline-caption"
                rows={2}
                value={caption}
                placeholder={photo.caption || "(no caption in the library)"}
                onChange={(e) => setCaption(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="inline-credit">Credit line for this story</label>
              <input
                id="inline-credit"
                value={credit}
                placeholder="e.g. Courtesy of the family"
                onChange={(e) => setCredit(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="inline-alt">Alt text for this story</label>
              <input id="inline-alt" value={alt} placeholder={photo.altText} onChange={(e) => setAlt(e.target.value)} />
            </div>
          </div>
        </>
      ) : null}
      <div className="workflow-moves">
        <button
          type="button"
          className="button secondary"
          disabled={!photo}
          onClick={() =>
            photo && onInsert({ imageId: photo.id, caption: caption || undefined, credit: credit || undefined, alt: alt || undefined })
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
