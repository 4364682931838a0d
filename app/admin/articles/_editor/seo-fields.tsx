"use client";

import "@/lib/security/zod-jitless";
import type { EditorFields } from "@/lib/articles/editor";
import { SEO_DESCRIPTION_HINT, SEO_TITLE_HINT } from "@/lib/articles/schema";
import type { FieldErrors } from "@/lib/errors";
import { EDITOR_FIELD_IDS } from "./field-ids";
import { FieldError } from "@/components/forms/field-error";

type Props = {
  fields: EditorFields;
  set: <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => void;
  errors?: FieldErrors;
  editable: boolean;
  address: string;
  siteName: string;
  photoSrc: string | null;
};

const counter = (value: string, hint: number) => `${value.length}/${hint}${value.length > hint ? ": search engines will cut it" : ""}`;
/** Cut to `max` characters at a word, with an ellipsis, the way search results and cards cut. */
export const clip = (text: string, max: number) => {
  const t = text.trim().replace(/\s+/g, " ");
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : cut.length)}…`;
};

/** SEO title, description and canonical URL, with a preview of the search result and the social card they make. */
export function SeoFields({ fields, set, errors, editable, address, siteName, photoSrc }: Props) {
  const title = fields.seoTitle || fields.headline || "Headline";
  const description = fields.seoDescription || fields.dek;
  const url = new URL(address);
  return (
    <section className="card" aria-labelledby="seo-heading">
      <h2 id="seo-heading">Search and sharing</h2>
      <div className="field">
        <label htmlFor={EDITOR_FIELD_IDS.seoTitle}>SEO title</label>
        <input
          id={EDITOR_FIELD_IDS.seoTitle}
          value={fields.seoTitle}
          readOnly={!editable}
          placeholder={fields.headline}
          aria-describedby="seo-title-hint seo-title-error"
          aria-invalid={errors?.seoTitle ? true : undefined}
          onChange={(e) => set("seoTitle", e.target.value)}
        />
        <span id="seo-title-hint" className="field-hint">
          {counter(fields.seoTitle || fields.headline, SEO_TITLE_HINT)}
        </span>
        <FieldError id="seo-title-error" errors={errors?.seoTitle} />
      </div>
      <div className="field">
        <label htmlFor={EDITOR_FIELD_IDS.seoDescription}>SEO description</label>
        <textarea
          id={EDITOR_FIELD_IDS.seoDescription}
          rows={3}
          value={fields.seoDescription}
          readOnly={!editable}
          placeholder={fields.dek}
          aria-describedby="seo-description-hint seo-description-error"
          aria-invalid={errors?.seoDescription ? true : undefined}
          onChange={(e) => set("seoDescription", e.target.value)}
        />
        <span id="seo-description-hint" className="field-hint">
          {counter(fields.seoDescription || fields.dek, SEO_DESCRIPTION_HINT)}
        </span>
        <FieldError id="seo-description-error" errors={errors?.seoDescription} />
      </div>
      <div className="field">
        <label htmlFor={EDITOR_FIELD_IDS.canonicalUrl}>Canonical URL (only for stories first published elsewhere)</label>
        <input
          id={EDITOR_FIELD_IDS.canonicalUrl}
          type="url"
          value={fields.canonicalUrl}
          readOnly={!editable}
          aria-describedby="canonical-error"
          aria-invalid={errors?.canonicalUrl ? true : undefined}
          onChange={(e) => set("canonicalUrl", e.target.value)}
        />
        <FieldError id="canonical-error" errors={errors?.canonicalUrl} />
      </div>
      <figure className="search-preview" aria-label="Search result preview">
        <figcaption className="preview-label">In search results</figcaption>
        <div className="search-preview-site">
          {siteName} · {url.host}
          {url.pathname.replaceAll("/", " › ")}
        </div>
        <div className="search-preview-title">{clip(title, SEO_TITLE_HINT)}</div>
        <div className="search-preview-description">
          {description ? clip(description, SEO_DESCRIPTION_HINT) : "No description yet: write a dek or an SEO description."}
        </div>
      </figure>
      <figure className="social-preview" aria-label="Social card preview">
        <figcaption className="preview-label">When shared</figcaption>
        {photoSrc ? (
          // eslint-disable-next-line @next/next/no-img-element -- a library variant, already sized
          <img src={photoSrc} alt="" className="social-preview-photo" />
        ) : (
          <div className="social-preview-photo empty">No hero photo: the card shows the site&apos;s image</div>
        )}
        <div className="social-preview-text">
          <div className="social-preview-host">{url.host}</div>
          <div className="social-preview-title">{clip(title, 90)}</div>
          {description ? <div className="social-preview-description">{clip(description, 120)}</div> : null}
        </div>
      </figure>
    </section>
  );
}
