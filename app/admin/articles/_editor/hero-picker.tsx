"use client";

import "@/lib/security/zod-jitless";
import { creditLine } from "@/lib/media/schema";
import type { LibraryImage } from "@/lib/media/queries";
import type { FieldErrors } from "@/lib/errors";
import { FieldError } from "@/components/forms/field-error";
import type { HeroFields } from "./types";
import { PhotoUploadButton } from "./photo-upload-button";

type Props = {
  images: LibraryImage[];
  value: HeroFields | null;
  onChange: (hero: HeroFields | null) => void;
  errors?: FieldErrors;
  disabled: boolean;
};

/** The hero photo: pick one from the library and, for this story only, override its caption, credit and alt text. */
export function HeroPicker({ images, value, onChange, errors, disabled }: Props) {
  const image = value ? images.find((i) => i.id === value.imageId) : undefined;
  const set = (patch: Partial<HeroFields>) => value && onChange({ ...value, ...patch });
  const line = image ? creditLine(value?.credit || image.credit, value?.agency || image.agency) : "";
  return (
    <fieldset className="hero-picker" disabled={disabled}>
      <legend>Hero photo</legend>
      <div className="thumbs" role="radiogroup" aria-label="Choose the hero photo">
        <label className={`thumb none ${value ? "" : "selected"}`}>
          <input type="radio" name="hero" checked={!value} onChange={() => onChange(null)} />
          No photo
        </label>
        {images.map((img) => (
          <label key={img.id} className={`thumb ${value?.imageId === img.id ? "selected" : ""}`}>
            <input
              type="radio"
              name="hero"
              checked={value?.imageId === img.id}
              onChange={() => onChange({ imageId: img.id, caption: "", credit: "", agency: "", altText: "" })}
            />
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={img.src}
              alt={img.altText || "Untitled photo"}
              width={120}
              height={Math.round((120 * img.height) / img.width)}
              loading="lazy"
            />
            <span className="thumb-credit">{creditLine(img.credit, img.agency) || "No credit"}</span>
          </label>
        ))}
      </div>
      <PhotoUploadButton
        id="hero-upload"
        onUploaded={(r) =>
          onChange({
            imageId: r.id,
            caption: r.suggested?.caption ?? "",
            credit: r.suggested?.credit ?? "",
            agency: r.suggested?.agency ?? "",
            altText: "",
          })
        }
      />
      <FieldError id="hero-error" errors={errors?.["hero.imageId"]} />
      {image?.licenseExpired ? (
        <p className="field-error">This photo&apos;s license has expired; a story using it cannot be published.</p>
      ) : null}
      {image && value ? (
        <div className="hero-overrides">
          <p className="field-hint">Leave a field empty to use the library&apos;s text.</p>
          {(
            [
              ["caption", "Caption for this story", image.caption],
              ["credit", "Photographer for this story", image.credit],
              ["agency", "Agency for this story", image.agency],
              ["altText", "Alt text for this story", image.altText],
            ] as const
          ).map(([key, label, fallback]) => (
            <div className="field" key={key}>
              <label htmlFor={`hero-${key}`}>{label}</label>
              <input
                id={`hero-${key}`}
                value={value[key]}
                placeholder={fallback || "(empty in the library)"}
                onChange={(e) => set({ [key]: e.target.value })}
              />
            </div>
          ))}
          <p className="credit-preview" data-testid="credit-preview">
            Credit as readers will see it: <strong>{line || "— missing: add a credit before publishing"}</strong>
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}
