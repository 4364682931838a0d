"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { EditorData, EditorFields } from "@/lib/articles/editor";
import type { ActionResult, FieldErrors } from "@/lib/errors";
import type { ArticleStatus } from "@/lib/db";
import { useAction } from "@/components/forms/use-action";
import { createArticleAction, updateArticleAction } from "../actions";
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from "./local-draft";
import { canonicalLanguage } from "@/lib/settings/language";

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
  language: "",
  sources: [],
  hero: null,
});

/**
 * The fields as a save stores them, to tell what is unsaved and to keep as what was saved: a
 * language typed "CY" is the cy stored (the field shows it so once left; saved with Ctrl+S before
 * that, the story was then "unsaved" again).
 */
const storedJson = (f: EditorFields) => JSON.stringify({ ...f, language: canonicalLanguage(f.language) ?? f.language });

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

/**
 * A save refused because the story changed meanwhile: who saved last, when, its version and its
 * status now (the server's details), and the fields the refused save started from (`base`), for a
 * three-way comparison; null when this page cannot know them (edits restored from the browser
 * after a reload, made on an older version).
 */
export type Conflict = {
  savedBy: string;
  savedAt: string;
  currentVersion: number;
  storyStatus?: ArticleStatus;
  base?: EditorFields | null;
};

/** Refusals that say nothing about the story itself (network, timeout, 5xx, a busy database): worth trying again. */
const TRANSIENT = new Set(["error", "busy", "storage_full", "unavailable", "locked"]);
/** Waits before the desk tries a failed save again by itself: 5 s, 10 s, 20 s, 40 s, then every minute. */
export const retryDelayMs = (failures: number) => Math.min(60_000, 5_000 * 2 ** Math.max(0, failures - 1));

type SaveInput = ReturnType<typeof toSaveInput> & {
  id?: string;
  version?: number;
  materialUpdate?: boolean;
  autosave?: boolean;
  saveId?: string;
  after?: string[];
};

/** How many unanswered saves the desk names (the schema's limit for `after`, lib/articles/schema.ts). */
const MAX_UNANSWERED = 50;

/** A random id for one save (getRandomValues: randomUUID is missing on a desk served over plain http). */
const newSaveId = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");

// One function, so that every save goes through the same hook (components/forms/use-action.ts).
const saveStory = (input: SaveInput) =>
  input.id ? updateArticleAction({ ...input, id: input.id, version: input.version ?? 0 }) : createArticleAction(input);

/**
 * The story being edited: its fields, the version they started from, dirty tracking,
 * explicit saves and autosaves (drafts only, a few seconds after typing stops), and
 * the conflict a stale save runs into. Nothing typed is dropped on a refusal: the form keeps
 * it, the browser's copy keeps it, and a save that failed for want of an answer is tried again
 * by itself (with growing waits, and at once when the connection comes back).
 */
export function useArticleDraft(
  initial: EditorData | null,
  timeZone: string,
  ownAuthorIds: string[] = [],
  onCreated: (id: string) => void = () => {},
) {
  // A new story starts with the editor's own byline, if they have one.
  const [blank] = useState(() => ({ ...emptyFields(), authorIds: ownAuthorIds }));
  const [fields, setFields] = useState<EditorFields>(initial?.fields ?? blank);
  const [version, setVersion] = useState(initial?.version ?? 0);
  /** This tab's saves of the story whose answer never came (network, timeout): see save(). */
  const unanswered = useRef<string[]>([]);
  /** The save the desk will try again: one the editor asked for (kept as a revision) or an autosave, and the version it was sent from. */
  const retrying = useRef<{ auto: boolean; material?: boolean; versionOverride?: number; fields?: EditorFields }>({ auto: true });
  const [savedJson, setSavedJson] = useState(() => storedJson(initial?.fields ?? blank));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors | undefined>();
  // The fields as they were when a save was refused with field messages (live-errors.ts).
  const [refusedFields, setRefusedFields] = useState<EditorFields | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string; auto?: boolean } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // Whether savedJson is the story as it was at `version` (the base a conflict compares with): not
  // after edits restored from the browser that were made on another version.
  const [baseKnown, setBaseKnown] = useState(true);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  // Failed saves in a row that are worth retrying, and when the next try is due.
  const [failures, setFailures] = useState(0);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  // Set once the first save created the story, so later saves update it instead of creating another.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const saver = useAction(saveStory, { measure: true });
  const json = useMemo(() => storedJson(fields), [fields]);
  const dirty = json !== savedJson;
  // The page was refreshed with a newer version of the story (a move someone else made, heard of
  // by the presence heartbeat; a correction added): with nothing unsaved here, the form takes it,
  // so that its moves act on the story as it is now. With something unsaved it keeps its version,
  // and the next save meets the conflict panel, which lets the editor choose.
  const [renderedVersion, setRenderedVersion] = useState(initial?.version ?? 0);
  if (initial && initial.version !== renderedVersion) {
    setRenderedVersion(initial.version);
    if (!dirty && initial.version > version) {
      setFields(initial.fields);
      setSavedJson(storedJson(initial.fields));
      setVersion(initial.version);
      setBaseKnown(true);
    }
  }
  const id = initial?.id ?? createdId;
  const autosaves = !initial || initial.status === "DRAFT" || initial.status === "IN_REVIEW";
  // Where unsaved edits are mirrored: the story's id, or "new" until the first save creates it.
  const storageKey = useRef(initial?.id ?? "new");
  const [restored, setRestored] = useState(false);
  // The story was deleted while this form had it open: its saves can only make a new draft.
  const [gone, setGone] = useState(false);
  const discarding = useRef(false);

  // A layout effect: before the browser paints, and before the form adopts what was typed
  // before hydration (use-typed-before-hydration.ts), which goes on top of it.
  useLayoutEffect(() => {
    const stored = readLocalDraft(storageKey.current);
    if (!stored || storedJson(stored.fields) === savedJson) return;
    // Syncing from browser storage, an external system, once on mount.
    // A copy kept before a field existed (a story's language) holds it empty.
    setFields({ ...emptyFields(), ...stored.fields });
    setVersion(stored.version);
    setBaseKnown(stored.version === initial?.version);
    setRestored(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  useEffect(() => {
    if (dirty) writeLocalDraft(storageKey.current, JSON.parse(json) as EditorFields, version);
    else clearLocalDraft(storageKey.current);
  }, [json, dirty, version]);

  /**
   * Saves the fields as they are now (or `fields`, set in the same event); resolves to the result
   * (null when another save is in flight). `from`: the fields the save starts from, when they are
   * not the last saved ones (a merge over a conflict).
   */
  async function save({
    auto = false,
    material = false,
    versionOverride,
    open = !auto,
    fields: given,
    from,
  }: {
    auto?: boolean;
    material?: boolean;
    versionOverride?: number;
    open?: boolean;
    fields?: EditorFields;
    from?: EditorFields;
  } = {}): Promise<ActionResult<{
    id: string;
    version: number;
  }> | null> {
    const snapshot = given ? storedJson(given) : json;
    const input = toSaveInput(JSON.parse(snapshot) as EditorFields);
    // Each save names itself, and names the earlier ones whose answer never came: if one of them was
    // stored after all, this save goes onto it instead of conflicting with itself (lib/articles/mutations/update.ts).
    const saveId = newSaveId();
    const result = await saver.run(
      id
        ? { ...input, id, version: versionOverride ?? version, materialUpdate: material, autosave: auto, saveId, after: unanswered.current }
        : input,
    );
    if (!result) return null; // another save is in flight
    setRetryAt(null);
    // Only a request that may have reached the server: one refused while the browser was offline never left it.
    if (id && !result.ok && result.code === "error" && navigator.onLine)
      unanswered.current = [...unanswered.current, saveId].slice(-MAX_UNANSWERED);
    if (result.ok) {
      unanswered.current = [];
      setVersion(result.data.version);
      setSavedJson(snapshot);
      setBaseKnown(true);
      setFieldErrors(undefined);
      setConflict(null);
      setFailures(0);
      setSavedAt(new Date());
      setMessage({ kind: "success", text: auto ? "Draft autosaved" : "Saved", auto });
      if (!id) {
        clearLocalDraft("new");
        storageKey.current = result.data.id;
        if (storedJson(fields) !== snapshot) writeLocalDraft(result.data.id, fields, result.data.version);
        setCreatedId(result.data.id);
        // "Create draft" opens the full editor (workflow, revisions); an autosave or a publish stays
        // on this screen (nothing typed is interrupted), with an address that opens the story when
        // loaded (app/admin/articles/new/page.tsx). The story's own address would make the next
        // save's answer, or a refresh, render its route and put a new editor in place of this one.
        if (open) onCreated(result.data.id);
        else window.history.replaceState(null, "", `/admin/articles/new?story=${result.data.id}`);
      }
      return result;
    }
    if (result.code === "not_found" && id) {
      setGone(true);
      setMessage({ kind: "error", text: result.error });
    } else if (result.code === "conflict" && result.details?.savedBy) {
      const base = from ?? (baseKnown ? (JSON.parse(savedJson) as EditorFields) : null);
      setConflict({ ...(result.details as Conflict), base });
      setMessage({ kind: "error", text: result.error });
    } else {
      setFieldErrors(result.fieldErrors);
      setRefusedFields(result.fieldErrors ? (JSON.parse(snapshot) as EditorFields) : null);
      setMessage({ kind: "error", text: result.error });
      if (TRANSIENT.has(result.code) && !result.error.includes("too large")) {
        const next = failures + 1;
        setFailures(next);
        // A live story's save is tried again too, as what it was (a minor fix or a material
        // update): the editor asked for it, and only the connection stood in the way (it was left
        // at "Unsaved changes", with no "Try again now").
        // An explicit save is tried again with what it sent, not with what was typed since (on a
        // live story that would put half a sentence live). An autosave is tried again by the timer
        // with the fields as they were when it failed ("Try again now": as they are); the next
        // autosave takes what was typed since.
        retrying.current = { auto, material, versionOverride, fields: auto ? undefined : (JSON.parse(snapshot) as EditorFields) };
        setRetryAt(Date.now() + retryDelayMs(next));
      }
    }
    return result;
  }

  useEffect(() => {
    if (!dirty || !autosaves || conflict || gone || retryAt || !fields.headline.trim() || !fields.slug.trim()) return;
    if (initial && !initial.canEdit) return;
    const timer = setTimeout(() => void save({ auto: true }), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-arm on every change of the fields
  }, [json, dirty, conflict, retryAt]);

  /** The failed save again, as it was (the automatic retry, and "Try again now"). */
  const retryNow = () => save({ ...retrying.current, open: false });

  // A save that failed for want of an answer is tried again by itself, and at once when the browser is back online.
  useEffect(() => {
    if (!retryAt) return;
    // An explicit save tried again stays explicit (a revision, "Saved"); it was retried as an autosave.
    const retry = () => void retryNow();
    const timer = setTimeout(retry, Math.max(0, retryAt - Date.now()));
    window.addEventListener("online", retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("online", retry);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- armed once per scheduled retry
  }, [retryAt]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!discarding.current) event.preventDefault();
    };
    // In-app links navigate without unloading the page, so ask before following them too.
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      // A link within this page (a refused save's list of fields) leaves nothing behind.
      if (!link || link.getAttribute("target") === "_blank" || link.getAttribute("href")!.startsWith("#") || event.defaultPrevented) return;
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

  /**
   * Saves what this form holds as a new draft, when the story it was editing was deleted meanwhile
   * (by another editor): the browser's copy moves to the new story, which opens in its place.
   */
  async function saveAsNewDraft(): Promise<ActionResult<{ id: string; version: number }> | null> {
    const result = await saver.run(toSaveInput(fields));
    if (!result) return null;
    if (result.ok) {
      clearLocalDraft(storageKey.current);
      onCreated(result.data.id);
    } else {
      setFieldErrors(result.fieldErrors);
      setMessage({ kind: "error", text: result.error });
    }
    return result;
  }

  /**
   * Drops what was typed here, in the form and in this browser's copy, and loads the story as saved
   * (the conflict panel's "Discard mine"). A reload alone brought the browser's copy back, with the
   * conflict.
   */
  const discardMine = () => {
    discarding.current = true;
    clearLocalDraft(storageKey.current);
    window.location.reload();
  };
  const discardRestored = () => {
    setFields(initial?.fields ?? blank);
    setVersion(initial?.version ?? 0);
    setBaseKnown(true);
    setRestored(false);
  };
  /**
   * The conflict panel's "keep mine", merged field by field (lib/articles/merge.ts): the form takes
   * the merged fields and starts from their version, which the save still names, so a save made
   * meanwhile by someone else is refused again.
   */
  const saveMergedOver = (theirs: { fields: EditorFields; version: number }, merged: EditorFields, material: boolean) => {
    setSavedJson(storedJson(theirs.fields));
    setVersion(theirs.version);
    setBaseKnown(true);
    setFields(merged);
    return save({ material, versionOverride: theirs.version, fields: merged, from: theirs.fields });
  };
  const set = <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  return {
    id,
    isNew: !id,
    timeZone,
    savedAt,
    retryAt,
    retryNow,
    fields,
    set,
    setFields,
    version,
    setVersion,
    dirty,
    save,
    saving: saver.pending,
    fieldErrors,
    refusedFields,
    message,
    setMessage,
    conflict,
    setConflict,
    restored,
    discardRestored,
    discardMine,
    gone,
    saveAsNewDraft,
    saveMergedOver,
  };
}
