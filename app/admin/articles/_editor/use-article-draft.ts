"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { EditorData, EditorFields } from "@/lib/articles/editor";
import type { ActionResult, FieldErrors } from "@/lib/errors";
import { callAction } from "@/components/forms/call-action";
import { createArticleAction, updateArticleAction } from "../actions";
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from "./local-draft";

export const AUTOSAVE_DELAY_MS = 3000;

export const emptyFields = (): EditorFields => ({
  headline: "",
  slug: "",
  dek: "",
  dateline: "",
  sectionId: null,
  authorIds: [],
  tagIds: [],
  body: { type: "doc", content: [] },
  seoTitle: "",
  seoDescription: "",
  canonicalUrl: "",
  sources: [],
  hero: null,
});

/** The editor's fields as the save schema takes them. */
export function toSaveInput(f: EditorFields) {
  return {
    ...f,
    sectionId: f.sectionId || null,
    canonicalUrl: f.canonicalUrl || null,
    sources: f.sources.map((s) => ({ ...s, accessedAt: s.accessedAt || null, archivedUrl: s.archivedUrl || null })),
    hero: f.hero
      ? {
          imageId: f.hero.imageId,
          caption: f.hero.caption || null,
          credit: f.hero.credit || null,
          agency: f.hero.agency || null,
          altText: f.hero.altText || null,
          creditLine: f.hero.creditLine || null,
        }
      : null,
  };
}

export type Conflict = { savedBy: string; savedAt: string; currentVersion: number };

/**
 * The story being edited: its fields, the version they started from, dirty tracking,
 * explicit saves and autosaves (drafts only, a few seconds after typing stops), and
 * the conflict a stale save runs into. Nothing typed is dropped on a refusal.
 */
export function useArticleDraft(initial: EditorData | null, onCreated: (id: string) => void) {
  const [fields, setFields] = useState<EditorFields>(initial?.fields ?? emptyFields());
  const [version, setVersion] = useState(initial?.version ?? 0);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(initial?.fields ?? emptyFields()));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors | undefined>();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);
  // Set when an autosave created a new story, so later saves update it instead of creating another.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const inFlight = useRef(false);
  const json = useMemo(() => JSON.stringify(fields), [fields]);
  const dirty = json !== savedJson;
  const autosaves = !initial || initial.status === "DRAFT" || initial.status === "IN_REVIEW";
  // Where unsaved edits are mirrored: the story's id, or "new" until the first save creates it.
  const storageKey = useRef(initial?.id ?? "new");
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const stored = readLocalDraft(storageKey.current);
    if (!stored || JSON.stringify(stored.fields) === savedJson) return;
    // Syncing from browser storage, an external system, once on mount.
    setFields(stored.fields);
    setVersion(stored.version);
    setRestored(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  useEffect(() => {
    if (dirty) writeLocalDraft(storageKey.current, JSON.parse(json) as EditorFields, version);
    else clearLocalDraft(storageKey.current);
  }, [json, dirty, version]);

  async function save({
    auto = false,
    material = false,
    versionOverride,
  }: { auto?: boolean; material?: boolean; versionOverride?: number } = {}) {
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    const snapshot = json;
    const input = toSaveInput(JSON.parse(snapshot) as EditorFields);
    const id = initial?.id ?? createdId;
    let result: ActionResult<{ id: string; version: number }>;
    try {
      result = await callAction(() =>
        id
          ? updateArticleAction({ ...input, id, version: versionOverride ?? version, materialUpdate: material, autosave: auto })
          : createArticleAction(input),
      );
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
    const at = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    if (result.ok) {
      setVersion(result.data.version);
      setSavedJson(snapshot);
      setFieldErrors(undefined);
      setConflict(null);
      setMessage({ kind: "success", text: auto ? `Draft autosaved at ${at}.` : `Saved at ${at}.` });
      if (!initial) {
        if (!createdId) {
          clearLocalDraft("new");
          storageKey.current = result.data.id;
        }
        if (auto) {
          // An autosave created the story: stay on this screen (nothing typed is interrupted) and
          // let the address point at it, so a reload opens it.
          setCreatedId(result.data.id);
          window.history.replaceState(null, "", `/admin/articles/${result.data.id}`);
        } else {
          // An explicit save opens the full editor; edits typed meanwhile carry over under its id.
          if (JSON.stringify(fields) !== snapshot) writeLocalDraft(result.data.id, fields, result.data.version);
          onCreated(result.data.id);
        }
      }
      return true;
    }
    if (result.code === "conflict" && result.details?.savedBy) {
      setConflict(result.details as Conflict);
      setMessage({ kind: "error", text: result.error });
    } else {
      setFieldErrors(result.fieldErrors);
      setMessage({ kind: "error", text: result.error });
    }
    return false;
  }

  useEffect(() => {
    if (!dirty || !autosaves || conflict || !fields.headline.trim() || !fields.slug.trim()) return;
    if (initial && !initial.canEdit) return;
    const timer = setTimeout(() => void save({ auto: true }), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-arm on every change of the fields
  }, [json, dirty, conflict]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    // In-app links navigate without unloading the page, so ask before following them too.
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("target") === "_blank" || event.defaultPrevented) return;
      if (
        !window.confirm(
          "This story has unsaved changes. Leave anyway? (They stay in this browser and come back when you reopen the story.)",
        )
      ) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  const discardRestored = () => {
    setFields(initial?.fields ?? emptyFields());
    setVersion(initial?.version ?? 0);
    setRestored(false);
  };
  const set = <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  return {
    fields,
    set,
    setFields,
    version,
    setVersion,
    dirty,
    save,
    saving,
    fieldErrors,
    message,
    setMessage,
    conflict,
    setConflict,
    restored,
    discardRestored,
  };
}
