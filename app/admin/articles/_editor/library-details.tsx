"use client";

import "@/lib/security/zod-jitless";
import { creditForReaders, creditLine } from "@/lib/media/schema";
import type { LibraryImage } from "@/lib/media/queries";

/** What the library knows about a photo, offered wherever it is used: caption, credit, copyright, usage terms, date taken. */
export function LibraryDetails({ photo }: { photo: LibraryImage }) {
  const credit = creditLine(photo.credit, photo.agency, photo.creditLine);
  const rows: [string, string][] = [
    ["Caption", photo.caption],
    ["Credit", credit ? creditForReaders(credit) : ""],
    ["Copyright", photo.copyright],
    ["Usage terms", photo.license],
    ["Taken", photo.dateTaken ? photo.dateTaken.slice(0, 10) : ""],
  ];
  return (
    <div className="library-details" data-testid="library-details">
      <p className="library-details-title">
        From the library{" "}
        <a href={`/admin/media/${photo.id}`} target="_blank" rel="noreferrer">
          (open it in the library)
        </a>
      </p>
      {!photo.detailsConfirmed ? (
        <p className="field-hint">Read from the photo file at upload; an editor has not confirmed them yet.</p>
      ) : null}
      <dl>
        {rows.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={text ? undefined : "muted"}>{text || "—"}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
