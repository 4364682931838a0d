"use client";

import "@/lib/security/zod-jitless";
import type { FieldErrors } from "@/lib/errors";
import { BANNER_MAX_LENGTH } from "@/lib/front/schema";
import { FieldError } from "@/components/forms/field-error";
import { DeskDateTime } from "@/components/forms/desk-date-time";

export type BannerInput = { text: string; url: string; expiresLocal: string };

type Props = { banner: BannerInput; onChange: (banner: BannerInput) => void; timeZone: string; errors?: FieldErrors };

/** The breaking-news banner: text, an optional link (http or https only) and when it comes down. */
export function BannerFields({ banner, onChange, timeZone, errors }: Props) {
  const field = (name: keyof BannerInput, label: string, input: React.ReactNode, errorKey: string) => (
    <div className="field">
      <label htmlFor={`banner-${name}`}>{label}</label>
      {input}
      <FieldError id={`banner-${name}-error`} errors={errors?.[errorKey]} />
    </div>
  );
  const common = (name: keyof BannerInput, errorKey: string) => ({
    id: `banner-${name}`,
    value: banner[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...banner, [name]: e.target.value }),
    "aria-describedby": `banner-${name}-error`,
    "aria-invalid": errors?.[errorKey] ? true : undefined,
  });
  return (
    <section className="card" aria-labelledby="banner-heading">
      <h2 id="banner-heading">Breaking-news banner</h2>
      {field("text", "Banner text", <input type="text" maxLength={BANNER_MAX_LENGTH} {...common("text", "banner.text")} />, "banner.text")}
      {field("url", "Banner link (optional)", <input type="url" placeholder="https://" {...common("url", "banner.url")} />, "banner.url")}
      <DeskDateTime
        id="banner-expiresLocal"
        legend={`Banner comes down at (${timeZone})`}
        value={banner.expiresLocal}
        onChange={(expiresLocal) => onChange({ ...banner, expiresLocal })}
        errors={errors?.["banner.expiresAt"]}
      />
      {banner.text || banner.url || banner.expiresLocal ? (
        <button type="button" className="button secondary small" onClick={() => onChange({ text: "", url: "", expiresLocal: "" })}>
          Clear the banner
        </button>
      ) : null}
    </section>
  );
}
