"use client";

import "@/lib/security/zod-jitless";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { ALT_TEXT_HINT, creditForReaders, creditLine } from "@/lib/media/schema";
import { DETAIL_LABELS, type PhotoDetailsFromFile } from "@/lib/media/schema";
import type { Crop } from "@/lib/media/variants";
import { uploadPhoto } from "@/components/admin/upload-photo";
import { callAction } from "@/components/forms/call-action";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";
import { useTypedEarly } from "@/components/forms/use-typed-early";
import type { FieldErrors } from "@/lib/errors";
import { deleteImageAction, updateImageAction } from "../actions";
import { CropEditor } from "./crop-editor";

type Fields = {
  altText: string;
  caption: string;
  credit: string;
  agency: string;
  creditLine: string;
  copyright: string;
  license: string;
  licenseExpiresAt: string;
  dateTaken: string;
  focalX: number;
  focalY: number;
};
type Props = {
  image: Fields & {
    id: string;
    preview: string;
    width: number;
    height: number;
    detailsConfirmed: boolean;
    crop: Crop;
    /** The stored time taken (the form edits its day; an unchanged day keeps the time). */
    dateTakenIso: string | null;
  };
  /** What the photo's file says (its details were stored from it at upload). */
  fromFile: PhotoDetailsFromFile | null;
  variants: { width: number; height: number; src: string }[];
  /** Whether this viewer may delete the photo, and if not because stories show it, why (lib/media/policy.ts). */
  deletion: { allowed: true } | { allowed: false; inUse: string | null };
  /** Why this viewer may not change the photo (lib/media/policy.ts); null when they may. */
  readOnlyReason: string | null;
};

/** A photo's editorial fields, crop and focal point. Details read from the file at upload wait here for an editor to confirm them. */
export function ImageForm({ image, fromFile, variants, deletion, readOnlyReason }: Props) {
  const router = useRouter();
  const readOnly = readOnlyReason !== null;
  // Alt text, caption and credit typed before the page's scripts ran are kept (use-typed-early.ts).
  const formRef = useRef<HTMLFormElement>(null);
  useTypedEarly(formRef);
  // The details the upload stored from the file, still as the file gave them.
  const readFromFile = image.detailsConfirmed
    ? []
    : (Object.keys(DETAIL_LABELS) as (keyof typeof DETAIL_LABELS)[]).filter(
        (k) => !!fromFile?.[k] && (k === "dateTaken" ? !!image.dateTaken : image[k] === fromFile[k]),
      );
  const [fields, setFields] = useState<Fields>(() => {
    const { altText, caption, credit, agency, creditLine, copyright, license, licenseExpiresAt, dateTaken, focalX, focalY } = image;
    return { altText, caption, credit, agency, creditLine, copyright, license, licenseExpiresAt, dateTaken, focalX, focalY };
  });
  const [errors, setErrors] = useState<FieldErrors | undefined>();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const set = (k: keyof Fields, v: string | number) => setFields((f) => ({ ...f, [k]: v }));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    setPending(true);
    try {
      const result = await callAction(() =>
        updateImageAction({
          id: image.id,
          ...fields,
          licenseExpiresAt: fields.licenseExpiresAt || null,
          dateTaken: fields.dateTaken && fields.dateTaken === image.dateTaken ? image.dateTakenIso : fields.dateTaken || null,
        }),
      );
      setErrors(result.ok ? undefined : result.fieldErrors);
      setMessage(result.ok ? { kind: "success", text: "Saved." } : { kind: "error", text: result.error });
      if (result.ok) router.refresh();
    } finally {
      setPending(false);
    }
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
    setPending(true);
    try {
      const result = await callAction(() => deleteImageAction({ id: image.id }));
      if (result.ok) router.push("/admin/media");
      else setMessage({ kind: "error", text: result.error });
    } finally {
      setPending(false);
    }
  };
  const pickFocus = (e: React.MouseEvent<HTMLButtonElement>) => {
    // Enter or Space on the button is a click with no position (detail 0): it must not move the point to a corner.
    if (e.detail === 0) return;
    const rect = e.currentTarget.getBoundingClientRect();
    set("focalX", Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width)));
    set("focalY", Math.min(1, Math.max(0, (e.clientY - rect.top) / rect.height)));
  };
  /** The arrow keys move the point by 5% of the photo (1% with Shift). */
  const nudgeFocus = (e: React.KeyboardEvent<HTMLButtonElement>) => {
    const step = e.shiftKey ? 0.01 : 0.05;
    const by = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!by) return;
    e.preventDefault();
    const clamp = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 100) / 100;
    set("focalX", clamp(fields.focalX + by[0]!));
    set("focalY", clamp(fields.focalY + by[1]!));
  };
  const altLength = fields.altText.length;

  return (
    <>
      <form ref={formRef} className="image-form" onSubmit={save} noValidate>
        <div className="image-preview">
          <button
            type="button"
            className="focal-picker"
            onClick={pickFocus}
            onKeyDown={nudgeFocus}
            disabled={readOnly}
            aria-label="Focal point for crops: click the photo's subject, or move the point with the arrow keys"
          >
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={image.preview} alt={fields.altText} width={image.width} height={image.height} />
            <span className="focal-dot" style={{ left: `${fields.focalX * 100}%`, top: `${fields.focalY * 100}%` }} aria-hidden="true" />
          </button>
          <p className="field-hint" id="focal-hint" aria-live="polite">
            {readOnly ? "Focal point for crops" : "Click the subject, or use the arrow keys: crops keep this point in frame"} (
            {Math.round(fields.focalX * 100)}%, {Math.round(fields.focalY * 100)}%).
          </p>
          <p className="credit-preview">
            Credit as readers will see it:{" "}
            <strong data-testid="credit-line">
              {creditLine(fields.credit, fields.agency, fields.creditLine)
                ? creditForReaders(creditLine(fields.credit, fields.agency, fields.creditLine))
                : "— missing"}
            </strong>
          </p>
        </div>
        <div className="image-fields">
          {readOnly ? (
            <p className="form-message read-only" role="note" data-testid="read-only-reason">
              {readOnlyReason}
            </p>
          ) : null}
          {message ? <FormMessage kind={message.kind}>{message.text}</FormMessage> : null}
          {readFromFile.length > 0 ? (
            <p className="form-message notice" role="note" data-testid="read-from-file">
              Read from the photo file at upload: {readFromFile.map((k) => DETAIL_LABELS[k]).join(", ")}. Check them, then save to confirm.
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="field-altText">Alt text</label>
            <textarea
              id="field-altText"
              rows={2}
              readOnly={readOnly}
              value={fields.altText}
              aria-invalid={errors?.altText?.length ? true : undefined}
              aria-describedby="alt-guidance alt-length field-altText-error"
              onChange={(e) => set("altText", e.target.value)}
            />
            <span id="alt-guidance" className="field-hint">
              Say what the photo shows for someone who cannot see it: who, doing what, where. Do not start with “Photo of”, and leave out
              the credit and what the caption already says.
            </span>
            <span id="alt-length" className={`field-hint ${altLength > ALT_TEXT_HINT ? "warn" : ""}`} data-testid="alt-length">
              {altLength}/{ALT_TEXT_HINT} characters
              {altLength > ALT_TEXT_HINT ? ": long alt text is read out in full; move details to the caption." : ""}
            </span>
            <FieldError id="field-altText-error" errors={errors?.altText} />
          </div>
          <div className="field">
            <label htmlFor="field-caption">Caption</label>
            <textarea
              id="field-caption"
              rows={4}
              readOnly={readOnly}
              value={fields.caption}
              aria-describedby="field-caption-error"
              onChange={(e) => set("caption", e.target.value)}
            />
            <FieldError id="field-caption-error" errors={errors?.caption} />
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
            name="creditLine"
            label="Credit line (free form)"
            value={fields.creditLine}
            hint="For credits that are not “Photographer/Agency”, e.g. “Courtesy of the family” or “Handout/Ministry of Defence”. Readers see exactly this."
            onChange={(e) => set("creditLine", e.target.value)}
            errors={errors?.creditLine}
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
          <TextField
            readOnly={readOnly}
            name="dateTaken"
            label="Date taken"
            type="date"
            value={fields.dateTaken}
            onChange={(e) => set("dateTaken", e.target.value)}
            errors={errors?.dateTaken}
          />
          {readOnly ? null : (
            <div className="workflow-moves">
              <button type="submit" className="button" disabled={pending}>
                {pending ? "Saving…" : image.detailsConfirmed ? "Save photo details" : "Confirm and save details"}
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
              {deletion.allowed ? (
                <button type="button" className="button danger" onClick={remove} disabled={pending}>
                  Delete photo
                </button>
              ) : deletion.inUse ? (
                <p className="muted" data-testid="no-delete">
                  Not offered: {deletion.inUse}
                </p>
              ) : null}
            </div>
          )}
        </div>
      </form>
      <CropEditor
        id={image.id}
        preview={image.preview}
        width={image.width}
        height={image.height}
        crop={image.crop}
        focalX={fields.focalX}
        focalY={fields.focalY}
        readOnly={readOnly}
        variants={variants}
      />
    </>
  );
}
