"use client";

import "@/lib/security/zod-jitless";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { creditLine } from "@/lib/media/schema";
import { uploadPhoto } from "@/components/admin/upload-photo";
import { FormMessage } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";
import type { FieldErrors } from "@/lib/errors";
import { deleteImageAction, updateImageAction } from "../actions";

type Fields = {
  altText: string;
  caption: string;
  credit: string;
  agency: string;
  copyright: string;
  license: string;
  licenseExpiresAt: string;
  focalX: number;
  focalY: number;
};
type Props = {
  image: Fields & { id: string; preview: string; width: number; height: number };
  suggested: { credit: string; agency: string; copyright: string; caption: string } | null;
  canDelete: boolean;
  /** Why this viewer may not change the photo (lib/media/policy.ts); null when they may. */
  readOnlyReason: string | null;
};

/** A photo's editorial fields. Empty fields start from what the file says, marked for the editor to confirm. */
export function ImageForm({ image, suggested, canDelete, readOnlyReason }: Props) {
  const router = useRouter();
  const readOnly = readOnlyReason !== null;
  const prefilled = readOnly
    ? []
    : (Object.keys(suggested ?? {}) as (keyof NonNullable<typeof suggested>)[]).filter((k) => !image[k] && suggested?.[k]);
  const [fields, setFields] = useState<Fields>(() => {
    const rest: Fields = {
      altText: image.altText,
      caption: image.caption,
      credit: image.credit,
      agency: image.agency,
      copyright: image.copyright,
      license: image.license,
      licenseExpiresAt: image.licenseExpiresAt,
      focalX: image.focalX,
      focalY: image.focalY,
    };
    for (const k of prefilled) rest[k] = suggested![k];
    return rest;
  });
  const [errors, setErrors] = useState<FieldErrors | undefined>();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const set = (k: keyof Fields, v: string | number) => setFields((f) => ({ ...f, [k]: v }));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    setPending(true);
    const result = await updateImageAction({ id: image.id, ...fields, licenseExpiresAt: fields.licenseExpiresAt || null });
    setPending(false);
    setErrors(result.ok ? undefined : result.fieldErrors);
    setMessage(result.ok ? { kind: "success", text: "Saved." } : { kind: "error", text: result.error });
    if (result.ok) router.refresh();
  };
  const replace = async (file: File | undefined) => {
    if (!file) return;
    setMessage({ kind: "success", text: "Uploading the new file…" });
    const result = await uploadPhoto(file, () => {}, `/api/media/${image.id}/file`);
    setMessage(
      result.ok
        ? { kind: "success", text: "File replaced; every story using this photo now shows the new file." }
        : { kind: "error", text: result.error },
    );
    if (result.ok) router.refresh();
  };
  const remove = async () => {
    if (!window.confirm("Delete this photo from the library?")) return;
    const result = await deleteImageAction({ id: image.id });
    if (result.ok) router.push("/admin/media");
    else setMessage({ kind: "error", text: result.error });
  };
  const pickFocus = (e: React.MouseEvent<HTMLButtonElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    set("focalX", Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width)));
    set("focalY", Math.min(1, Math.max(0, (e.clientY - rect.top) / rect.height)));
  };

  return (
    <form className="image-form" onSubmit={save} noValidate>
      <div className="image-preview">
        <button
          type="button"
          className="focal-picker"
          onClick={pickFocus}
          disabled={readOnly}
          aria-label="Click the photo to set its focal point for crops"
        >
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={image.preview} alt={fields.altText} width={image.width} height={image.height} />
          <span className="focal-dot" style={{ left: `${fields.focalX * 100}%`, top: `${fields.focalY * 100}%` }} aria-hidden="true" />
        </button>
        <p className="field-hint">
          {readOnly ? "Focal point for crops" : "Click the subject: crops keep this point in frame"} ({Math.round(fields.focalX * 100)}%,{" "}
          {Math.round(fields.focalY * 100)}%).
        </p>
        <p className="credit-preview">
          Credit as readers will see it:{" "}
          <strong data-testid="credit-line">{creditLine(fields.credit, fields.agency) || "— missing"}</strong>
        </p>
      </div>
      <div className="image-fields">
        {readOnly ? (
          <p className="form-message read-only" role="note" data-testid="read-only-reason">
            {readOnlyReason}
          </p>
        ) : null}
        {message ? <FormMessage kind={message.kind}>{message.text}</FormMessage> : null}
        {prefilled.length > 0 ? (
          <FormMessage kind="success">Filled in from the photo file: {prefilled.join(", ")}. Check them, then save.</FormMessage>
        ) : null}
        <TextField
          readOnly={readOnly}
          name="altText"
          label="Alt text (what the photo shows, for people who cannot see it)"
          value={fields.altText}
          onChange={(e) => set("altText", e.target.value)}
          errors={errors?.altText}
        />
        <div className="field">
          <label htmlFor="field-caption">Caption</label>
          <textarea
            id="field-caption"
            rows={3}
            readOnly={readOnly}
            value={fields.caption}
            onChange={(e) => set("caption", e.target.value)}
          />
        </div>
        <TextField
          readOnly={readOnly}
          name="credit"
          label="Photographer"
          value={fields.credit}
          onChange={(e) => set("credit", e.target.value)}
          errors={errors?.credit}
        />
        <TextField
          readOnly={readOnly}
          name="agency"
          label="Agency or source"
          value={fields.agency}
          onChange={(e) => set("agency", e.target.value)}
          errors={errors?.agency}
        />
        <TextField
          readOnly={readOnly}
          name="copyright"
          label="Copyright notice"
          value={fields.copyright}
          onChange={(e) => set("copyright", e.target.value)}
          errors={errors?.copyright}
        />
        <TextField
          readOnly={readOnly}
          name="license"
          label="License or usage terms"
          value={fields.license}
          onChange={(e) => set("license", e.target.value)}
          errors={errors?.license}
        />
        <TextField
          readOnly={readOnly}
          name="licenseExpiresAt"
          label="License expires"
          type="date"
          value={fields.licenseExpiresAt}
          hint="After this date the desk warns, and stories with this photo cannot be published."
          onChange={(e) => set("licenseExpiresAt", e.target.value)}
          errors={errors?.licenseExpiresAt}
        />
        {readOnly ? null : (
          <div className="workflow-moves">
            <button type="submit" className="button" disabled={pending}>
              {pending ? "Saving…" : "Save photo details"}
            </button>
            <label className="button secondary" htmlFor="replace-file">
              Replace file…
            </label>
            <input
              id="replace-file"
              className="visually-hidden"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
              onChange={(e) => void replace(e.target.files?.[0])}
            />
            {canDelete ? (
              <button type="button" className="button danger" onClick={remove}>
                Delete photo
              </button>
            ) : null}
          </div>
        )}
      </div>
    </form>
  );
}
