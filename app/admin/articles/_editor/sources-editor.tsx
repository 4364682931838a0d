"use client";

import "@/lib/security/zod-jitless";
import { useEffect, useRef } from "react";
import { SOURCE_KIND_LABELS, normalizeUrlForCompare } from "@/lib/sources/schema";
import type { FieldErrors } from "@/lib/errors";
import { FieldError } from "@/components/forms/field-error";
import { errorsAt, type SourceRow } from "./types";

const EMPTY: SourceRow = { url: "", title: "", publisher: "", kind: "OTHER", note: "", accessedAt: "", archivedUrl: "" };

/** The optional details of a source, as its disclosure's summary: what is filled in, or what may be. */
function moreSummary(row: SourceRow): string {
  const filled = [
    row.publisher.trim(),
    row.kind !== "OTHER" ? SOURCE_KIND_LABELS[row.kind] : "",
    row.accessedAt ? `accessed ${row.accessedAt}` : "",
    row.archivedUrl.trim() ? "archived copy" : "",
    row.note.trim() ? "note" : "",
  ].filter(Boolean);
  return filled.length ? `More: ${filled.join(" · ")}` : "More (optional): publisher, kind, date, archived copy, note";
}

/** The optional fields inside a row's disclosure, each of which can be refused (a publisher over 200 characters). */
const MORE_FIELDS = ["publisher", "kind", "accessedAt", "archivedUrl", "note"] as const;

/** Open when something optional is filled in or refused, so nothing typed or wrong is hidden. */
const moreOpen = (row: SourceRow, refused: boolean) =>
  !!(row.publisher || row.kind !== "OTHER" || row.accessedAt || row.archivedUrl || row.note || refused);

type Props = { value: SourceRow[]; onChange: (rows: SourceRow[]) => void; errors?: FieldErrors; disabled: boolean };

/** The story's sources: add, edit, remove and reorder; a URL listed twice is flagged at once. */
export function SourcesEditor({ value, onChange, errors, disabled }: Props) {
  const update = (i: number, patch: Partial<SourceRow>) => onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  // The element the keyboard goes to once the rows have changed: a new row's URL, a moved row's button.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });
  const move = (i: number, by: number) => {
    const next = [...value];
    const [row] = next.splice(i, 1);
    const to = i + by;
    next.splice(to, 0, row!);
    onChange(next);
    // The keyboard follows the source it moved (the rows are drawn by position): the same arrow,
    // or the other one once it has reached the top or the bottom.
    const end = by < 0 ? to === 0 : to === next.length - 1;
    focusNext.current = `source-${to}-${by < 0 !== end ? "up" : "down"}`;
  };
  const add = () => {
    onChange([...value, { ...EMPTY }]);
    focusNext.current = `source-${value.length}-url`;
  };
  const firstIndex = new Map<string, number>();
  const duplicateOf = value.map((row, i) => {
    if (!row.url.trim()) return null;
    const key = normalizeUrlForCompare(row.url);
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, i);
    return first ?? null;
  });

  return (
    <fieldset className="sources-editor" disabled={disabled}>
      <legend>Sources</legend>
      <p className="field-hint">
        The documents, statements and reports the story rests on: an address and a title are enough. Readers see them under the story, with
        only what is filled in.
      </p>
      {value.length === 0 ? <p className="muted">No sources yet.</p> : null}
      <ol>
        {value.map((row, i) => {
          const id = `source-${i}`;
          const urlErrors = [
            ...(errorsAt(errors, `sources.${i}.url`) ?? []),
            ...(duplicateOf[i] !== null ? [`This URL is already source ${duplicateOf[i]! + 1}.`] : []),
          ];
          // Every field's own messages, under it: a note over its limit was refused with nothing
          // marked, and the row could not be saved.
          const at = (field: (typeof MORE_FIELDS)[number]) => errorsAt(errors, `sources.${i}.${field}`);
          const invalid = (field: (typeof MORE_FIELDS)[number]) => (at(field)?.length ? true : undefined);
          return (
            <li key={i} className="source-row" aria-label={`Source ${i + 1}`}>
              <div className="field">
                <label htmlFor={`${id}-url`}>URL</label>
                <input
                  id={`${id}-url`}
                  type="url"
                  value={row.url}
                  placeholder="https://"
                  aria-invalid={urlErrors.length ? true : undefined}
                  aria-describedby={`${id}-url-error`}
                  onChange={(e) => update(i, { url: e.target.value })}
                />
                <FieldError id={`${id}-url-error`} errors={[...new Set(urlErrors)]} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-title`}>Title</label>
                <input
                  id={`${id}-title`}
                  value={row.title}
                  aria-describedby={`${id}-title-error`}
                  onChange={(e) => update(i, { title: e.target.value })}
                />
                <FieldError id={`${id}-title-error`} errors={errorsAt(errors, `sources.${i}.title`)} />
              </div>
              <details
                className="source-more"
                open={
                  moreOpen(
                    row,
                    MORE_FIELDS.some((field) => invalid(field)),
                  ) || undefined
                }
              >
                <summary>{moreSummary(row)}</summary>
                <div className="source-grid">
                  <div className="field">
                    <label htmlFor={`${id}-publisher`}>Publisher</label>
                    <input
                      id={`${id}-publisher`}
                      value={row.publisher}
                      aria-invalid={invalid("publisher")}
                      aria-describedby={`${id}-publisher-error`}
                      onChange={(e) => update(i, { publisher: e.target.value })}
                    />
                    <FieldError id={`${id}-publisher-error`} errors={at("publisher")} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-kind`}>Kind</label>
                    <select
                      id={`${id}-kind`}
                      value={row.kind}
                      aria-invalid={invalid("kind")}
                      aria-describedby={`${id}-kind-error`}
                      onChange={(e) => update(i, { kind: e.target.value as SourceRow["kind"] })}
                    >
                      {Object.entries(SOURCE_KIND_LABELS).map(([k, label]) => (
                        <option key={k} value={k}>
                          {label}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`${id}-kind-error`} errors={at("kind")} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-accessed`}>Accessed</label>
                    <input
                      id={`${id}-accessed`}
                      type="date"
                      value={row.accessedAt}
                      aria-invalid={invalid("accessedAt")}
                      aria-describedby={`${id}-accessed-error`}
                      onChange={(e) => update(i, { accessedAt: e.target.value })}
                    />
                    <FieldError id={`${id}-accessed-error`} errors={at("accessedAt")} />
                  </div>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-archive`}>Archived copy URL</label>
                  <input
                    id={`${id}-archive`}
                    type="url"
                    value={row.archivedUrl}
                    aria-invalid={invalid("archivedUrl")}
                    aria-describedby={`${id}-archive-error`}
                    onChange={(e) => update(i, { archivedUrl: e.target.value })}
                  />
                  <FieldError id={`${id}-archive-error`} errors={at("archivedUrl")} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-note`}>Note (for readers)</label>
                  <input
                    id={`${id}-note`}
                    value={row.note}
                    aria-invalid={invalid("note")}
                    aria-describedby={`${id}-note-error`}
                    onChange={(e) => update(i, { note: e.target.value })}
                  />
                  <FieldError id={`${id}-note-error`} errors={at("note")} />
                </div>
              </details>
              <div className="row-actions">
                <button
                  type="button"
                  className="button secondary"
                  id={`${id}-up`}
                  onClick={() => move(i, -1)}
                  disabled={i === 0}
                  aria-label={`Move source ${i + 1} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button secondary"
                  id={`${id}-down`}
                  onClick={() => move(i, 1)}
                  disabled={i === value.length - 1}
                  aria-label={`Move source ${i + 1} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => {
                    onChange(value.filter((_, j) => j !== i));
                    // The row goes with its button: the keyboard goes to "Add a source".
                    document.getElementById("add-source")?.focus();
                  }}
                >
                  Remove source {i + 1}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" id="add-source" className="button secondary" onClick={add}>
        Add a source
      </button>
    </fieldset>
  );
}
