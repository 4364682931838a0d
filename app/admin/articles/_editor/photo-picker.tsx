"use client";

import "@/lib/security/zod-jitless";
import { useEffect, useRef, useState } from "react";
import { creditLine, photoTitle } from "@/lib/media/schema";
import type { LibraryImage } from "@/lib/media/queries";

type Page = { rows: LibraryImage[]; page: number; pages: number; total: number };

type Props = {
  /** The first page, rendered with the editor (no request needed until the editor searches or pages). */
  initial: LibraryImage[];
  selectedId: string | null;
  onSelect: (photo: LibraryImage | null) => void;
  /** The radio group's name and the prefix of its ids. */
  name: string;
  label: string;
  /** Offer "No photo" (the hero may be empty; an inline photo may not). */
  allowNone?: boolean;
};

/**
 * The library as a picker: searchable by caption, credit and file name, in pages, each photo
 * labelled with its caption and credit. Pages after the first come from GET /api/media.
 */
export function PhotoPicker({ initial, selectedId, onSelect, name, label, allowNone = false }: Props) {
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<Page>({ rows: initial, page: 1, pages: 1, total: initial.length });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef(true);
  // Only the latest request's answer is shown: an older search that answers late is dropped.
  const latest = useRef(0);

  const load = async (q: string, page: number) => {
    const request = ++latest.current;
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/media?${new URLSearchParams({ q, page: String(page) })}`, {
        headers: { accept: "application/json" },
      });
      const body = (await response.json().catch(() => null)) as (Page & { error?: string }) | null;
      if (!response.ok || !body?.rows) throw new Error(body?.error ?? `The library did not answer (HTTP ${response.status}).`);
      if (request === latest.current) setResult(body);
    } catch (e) {
      if (request === latest.current)
        setError(e instanceof TypeError ? "The library could not be reached. Check your connection and try again." : (e as Error).message);
    } finally {
      if (request === latest.current) setPending(false);
    }
  };

  useEffect(() => {
    // The first page came with the editor and shows at once; its count and pages are asked for
    // straight away, later searches once typing pauses.
    const timer = setTimeout(() => void load(query, 1), first.current ? 0 : 250);
    first.current = false;
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <div className="photo-picker">
      <div className="field">
        <label htmlFor={`${name}-search`}>Search photos</label>
        <input
          id={`${name}-search`}
          type="search"
          value={query}
          placeholder="Caption, photographer, agency or file name"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches at once instead of submitting the story form.
            if (e.key === "Enter") {
              e.preventDefault();
              void load(query, 1);
            }
          }}
        />
      </div>
      <p className="field-hint" aria-live="polite">
        {pending ? "Searching…" : `${result.total} ${result.total === 1 ? "photo" : "photos"}${query ? ` matching “${query}”` : ""}`}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="thumbs labelled" role="radiogroup" aria-label={label} aria-busy={pending}>
        {allowNone ? (
          <label className={`thumb none ${selectedId ? "" : "selected"}`}>
            <input type="radio" name={name} checked={!selectedId} onChange={() => onSelect(null)} />
            No photo
          </label>
        ) : null}
        {result.rows.map((img) => {
          const credit = creditLine(img.credit, img.agency, img.creditLine);
          return (
            <label key={img.id} className={`thumb ${selectedId === img.id ? "selected" : ""}`}>
              <input type="radio" name={name} checked={selectedId === img.id} onChange={() => onSelect(img)} />
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={img.src} alt="" width={160} height={Math.round((160 * img.height) / img.width)} loading="lazy" />
              <span className="thumb-caption">{photoTitle(img)}</span>
              <span className={credit ? "thumb-credit" : "thumb-credit missing"}>{credit || "No credit"}</span>
            </label>
          );
        })}
      </div>
      {result.pages > 1 || result.page > 1 ? (
        <nav className="picker-pages" aria-label={`${label}: pages`}>
          <button
            type="button"
            className="button secondary"
            disabled={pending || result.page <= 1}
            onClick={() => void load(query, result.page - 1)}
          >
            Newer
          </button>
          <span>
            Page {result.page} of {result.pages}
          </span>
          <button
            type="button"
            className="button secondary"
            disabled={pending || result.page >= result.pages}
            onClick={() => void load(query, result.page + 1)}
          >
            Older
          </button>
        </nav>
      ) : null}
    </div>
  );
}
