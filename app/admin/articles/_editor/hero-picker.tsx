"use client";

import "@/lib/security/zod-jitless";
import { useEffect, useState } from "react";
import { creditForReaders, placedCreditLine } from "@/lib/media/schema";
import type { LibraryImage } from "@/lib/media/queries";
import type { FieldErrors } from "@/lib/errors";
import { FieldError } from "@/components/forms/field-error";
import type { HeroFields } from "./types";
import { PhotoUploadButton } from "./photo-upload-button";
import { PhotoPicker } from "./photo-picker";
import { LibraryDetails } from "./library-details";

type Props = {
  images: LibraryImage[];
  value: HeroFields | null;
  onChange: (hero: HeroFields | null) => void;
  errors?: FieldErrors;
  disabled: boolean;
};

const noOverrides = (imageId: string): HeroFields => ({ imageId, caption: "", credit: "", agency: "", altText: "", creditLine: "" });

/**
 * The hero photo: pick one from the library (searchable, paged) or upload one. The library's
 * caption and credit apply unless this story overrides them.
 */
export function HeroPicker({ images, value, onChange, errors, disabled }: Props) {
  const [photo, setPhoto] = useState<LibraryImage | null>(() => images.find((i) => i.id === value?.imageId) ?? null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const imageId = value?.imageId ?? null;

  // The story's photo may be older than the picker's first page: ask for it by id.
  useEffect(() => {
    if (!imageId || photo?.id === imageId) return;
    let cancelled = false;
    (async () => {
      try {
        const response = await fetch(`/api/media?ids=${encodeURIComponent(imageId)}`);
        const body = (await response.json().catch(() => null)) as { rows?: LibraryImage[] } | null;
        if (!cancelled) setPhoto(body?.rows?.[0] ?? null);
      } catch {
        if (!cancelled) setLookupError("The photo's details could not be loaded. Check your connection; the story keeps its photo.");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [imageId, photo?.id]);

  const set = (patch: Partial<HeroFields>) => value && onChange({ ...value, ...patch });
  const line = photo && value ? placedCreditLine(photo, value) : "";
  return (
    <fieldset className="hero-picker" disabled={disabled}>
      <legend>Hero photo</legend>
      <PhotoPicker
        initial={images}
        selectedId={imageId}
        name="hero"
        label="Choose the hero photo"
        allowNone
        onSelect={(picked) => {
          setPhoto(picked);
          onChange(picked ? noOverrides(picked.id) : null);
        }}
      />
      <PhotoUploadButton
        id="hero-upload"
        onUploaded={(r) => {
          setPhoto(r.photo);
          // The library's record now holds what the file says (or, for a file already there, what editors stored).
          onChange(noOverrides(r.id));
        }}
      />
      <FieldError id="hero-error" errors={errors?.["hero.imageId"]} />
      {lookupError ? <p className="field-error">{lookupError}</p> : null}
      {photo?.licenseExpired ? (
        <p className="field-error">This photo&apos;s license has expired; a story using it cannot be published.</p>
      ) : null}
      {photo && value ? (
        <div className="hero-overrides">
          <LibraryDetails photo={photo} />
          <p className="field-hint">For this story only; leave a field empty to use the library&apos;s.</p>
          <div className="field">
            <label htmlFor="hero-caption">Caption for this story</label>
            <textarea
              id="hero-caption"
              rows={3}
              value={value.caption}
              placeholder={photo.caption || "(no caption in the library)"}
              onChange={(e) => set({ caption: e.target.value })}
              aria-invalid={errors?.["hero.caption"] ? true : undefined}
              aria-describedby="hero-caption-error"
            />
            <FieldError id="hero-caption-error" errors={errors?.["hero.caption"]} />
          </div>
          {(
            [
              ["credit", "Photographer for this story", photo.credit],
              ["agency", "Agency for this story", photo.agency],
              ["creditLine", "Credit line for this story (free form)", photo.creditLine || "Courtesy of the family"],
              ["altText", "Alt text for this story", photo.altText],
            ] as const
          ).map(([key, label, fallback]) => (
            <div className="field" key={key}>
              <label htmlFor={`hero-${key}`}>{label}</label>
              <input
                id={`hero-${key}`}
                value={value[key]}
                placeholder={fallback || "(empty in the library)"}
                onChange={(e) => set({ [key]: e.target.value })}
                aria-invalid={errors?.[`hero.${key}`] ? true : undefined}
                aria-describedby={`hero-${key}-error`}
              />
              <FieldError id={`hero-${key}-error`} errors={errors?.[`hero.${key}`]} />
            </div>
          ))}
          <p className="credit-preview" data-testid="credit-preview">
            Credit as readers will see it: <strong>{line ? creditForReaders(line) : "— missing: add a credit before publishing"}</strong>
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}
