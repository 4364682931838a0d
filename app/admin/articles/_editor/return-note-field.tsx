"use client";

import { FieldError } from "@/components/forms/field-error";

type Props = { value: string; onChange: (value: string) => void; errors?: string[] };

/** The note that goes with a story returned to its writer (lib/articles/return-note.ts): required when it is someone else's story. */
export function ReturnNoteField({ value, onChange, errors }: Props) {
  return (
    <div className="field">
      <label htmlFor="return-note">Note for the writer (needed to return someone else&apos;s story)</label>
      <textarea
        id="return-note"
        rows={3}
        maxLength={1000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby="return-note-error"
        aria-invalid={errors ? true : undefined}
      />
      <FieldError id="return-note-error" errors={errors} />
    </div>
  );
}
