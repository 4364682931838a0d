"use client";

import "@/lib/security/zod-jitless";
import "./editor.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import type { EditorData } from "@/lib/articles/editor";
import { articlePath } from "@/lib/articles/path";
import { editorProblems } from "@/lib/articles/readiness";
import { formatDateTime, utcToZonedLocal } from "@/lib/format/time";
import { andList } from "@/lib/format/text";
import { embargoEnd } from "@/lib/wire/policy";
import { isRecordId } from "@/lib/db/record-id";
import type { LibraryImage } from "@/lib/media/queries";
import { slugifyTyped } from "@/lib/format/slug-typed";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { LanguageField } from "@/components/forms/language-field";
import type { LanguageOption } from "@/lib/settings/language";
import { useAction } from "@/components/forms/use-action";
import { checkSlugAction, deleteArticleAction } from "../actions";
import { BodyEditor } from "./body-editor";
import { BylinePicker } from "./byline-picker";
import { ConflictPanel } from "./conflict-panel";
import { CorrectionsPanel } from "./corrections-panel";
import { HeroPicker } from "./hero-picker";
import { fieldProblems, liveFieldErrors } from "./live-errors";
import { beatPresence } from "./presence-client";
import { PublishControls } from "./publish-controls";
import { EDITOR_PROBLEM_ID, SaveState } from "./save-state";
import { SeoFields } from "./seo-fields";
import { SourcesEditor } from "./sources-editor";
import { TagPicker } from "./tag-picker";
import { useSmartTyping } from "./use-smart-typing";
import { EDITOR_FIELD_IDS } from "./field-ids";
import { ProblemList } from "./problem-list";
import type { Option } from "./types";
import { useArticleDraft } from "./use-article-draft";
import { useTypedBeforeHydration } from "./use-typed-before-hydration";
import { WorkflowPanel } from "./workflow-panel";

type Props = {
  initial: EditorData | null;
  sections: (Option & { slug: string })[];
  authors: Option[];
  tags: Option[];
  images: LibraryImage[];
  timeZone: string;
  scheduledLocal: string;
  siteUrl: string;
  siteName: string;
  ownAuthorIds: string[];
  canPublish: boolean;
  canSchedule: boolean;
  /** The site's language (the story's, unless it has one of its own), the field's suggestions, and the story's saved tag named. */
  language: { site: { tag: string; name: string | null }; options: LanguageOption[]; saved: { tag: string; name: string | null } };
};

/** The story editor: one screen for the fields, body, sources, photo, workflow and corrections. */
export function ArticleForm(props: Props) {
  const { initial, sections, authors: initialAuthors, tags: initialTags, images, timeZone, scheduledLocal } = props;
  const router = useRouter();
  const draft = useArticleDraft(initial, timeZone, props.ownAuthorIds, (id) => {
    // "Create draft" opens the full editor in place of this one; the keyboard goes on from its Save
    // button (it was left on the page's body, twenty Tab stops back).
    remember(CREATED_KEY, id);
    router.replace(`/admin/articles/${id}`);
  });
  const { fields, set } = draft;
  const errors = useMemo(
    () => liveFieldErrors(fields, draft.fieldErrors, draft.refusedFields),
    [fields, draft.fieldErrors, draft.refusedFields],
  );
  const [authors, setAuthors] = useState(initialAuthors);
  const [tags, setTags] = useState(initialTags);
  const [slugTouched, setSlugTouched] = useState(!!initial);
  // The slug check's last answer, for the slug it was asked about: an answer for a slug since changed says nothing.
  const [slugChecked, setSlugChecked] = useState<{ slug: string; state: "unknown" | "available" | "taken" }>({
    slug: "",
    state: "unknown",
  });
  const slugState = slugChecked.slug === fields.slug ? slugChecked.state : "unknown";
  const editable = !initial || initial.canEdit;
  const live = initial?.status === "PUBLISHED";
  const slugCheck = useAction(checkSlugAction, { timeoutMs: 10_000, reads: true });
  const deletion = useAction(deleteArticleAction);
  const section = sections.find((s) => s.id === fields.sectionId) ?? null;
  const address = new URL(articlePath({ slug: fields.slug || "your-story", section }), props.siteUrl).toString();
  // A story taken from a wire item: its embargo and a kill hold it (the server's rule, lib/wire/policy.ts).
  const wire = initial?.wire ?? null;
  // The slug check's answer is a blocker too: the publish would be refused at the slug (a probe saw "Ready to publish").
  const slugTaken = slugState === "taken";
  const problems = useMemo(
    () => [
      ...editorProblems(fields, images, undefined, { facts: wire, timeZone }),
      ...fieldProblems(fields),
      ...(slugTaken ? [SLUG_TAKEN] : []),
    ],
    [fields, images, wire, timeZone, slugTaken],
  );
  const embargoEnds = wire?.embargoAt && problems.some((p) => p.includes("embargo")) ? wire.embargoAt : null;
  const moves = initial?.moves ?? [];
  const canPublishNow = props.canPublish && (!initial || moves.includes("PUBLISHED"));
  const canSchedule = props.canSchedule && (!initial || moves.includes("SCHEDULED"));
  // While embargoed it may still be scheduled for the embargo's end or later: only what that would not cure blocks the button.
  const blockers = useMemo(
    () =>
      embargoEnds && canSchedule
        ? [
            ...editorProblems(fields, images, embargoEnd(embargoEnds), { facts: wire, timeZone }),
            ...fieldProblems(fields),
            ...(slugTaken ? [SLUG_TAKEN] : []),
          ]
        : problems,
    [embargoEnds, canSchedule, fields, images, wire, timeZone, problems, slugTaken],
  );
  const heroPhoto = fields.hero ? (images.find((i) => i.id === fields.hero!.imageId)?.src ?? null) : null;

  const runSlugCheck = slugCheck.run;
  useEffect(() => {
    if (!fields.slug) return;
    const slug = fields.slug;
    const timer = setTimeout(async () => {
      const result = await runSlugCheck({ slug, articleId: draft.id });
      // A check that could not be made says nothing either way; the save checks again.
      if (result) setSlugChecked({ slug, state: result.ok ? (result.data.available ? "available" : "taken") : "unknown" });
    }, 400);
    return () => clearTimeout(timer);
  }, [fields.slug, draft.id, runSlugCheck]);

  // The sticky bar's height (it wraps to two or more rows with the publish checklist, on a tablet,
  // at high zoom) is where the body's sticky toolbar stops and where Tab scrolls a field to
  // (globals.css, --editor-bar-height): a fixed guess left the toolbar under the bar.
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty("--editor-bar-height", `${element.offsetHeight}px`));
    observer.observe(element, { box: "border-box" });
    return () => {
      observer.disconnect();
      root.style.removeProperty("--editor-bar-height");
    };
  }, []);

  // Ctrl/Cmd+S saves wherever the editor is working (a live story asks which kind of save).
  const saveShortcut = useRef<() => void>(() => {});
  useEffect(() => {
    saveShortcut.current = () => {
      if (!editable || draft.saving) return;
      if (live) {
        draft.setMessage({ kind: "error", text: "A live story is saved on purpose: choose Save as material update or Save as minor fix." });
        document.getElementById("save-material")?.focus();
        return;
      }
      // Saving by keyboard never leaves the screen (a new story stays where the typing is).
      void draft.save({ open: false });
    };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        saveShortcut.current();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // The address follows the headline until the slug is typed into; a headline in another script
  // gets its transliterated slug a moment later, if headline and slug are still as they were.
  const proposeSlug = (headline: string) => {
    const now = slugifyTyped(headline, (slug) => draft.setFields((f) => (f.headline === headline && f.slug === now ? { ...f, slug } : f)));
    return now;
  };
  const headlineField = useRef<HTMLTextAreaElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const dekField = useRef<HTMLTextAreaElement>(null);
  useSmartTyping(headlineField);
  useSmartTyping(dekField);
  const onHeadline = (headline: string) => {
    const slug = slugTouched ? null : proposeSlug(headline);
    draft.setFields((f) => ({ ...f, headline, slug: slug ?? f.slug }));
  };
  // After useArticleDraft (above), whose stored draft it goes on top of.
  useTypedBeforeHydration(fields, (typed) => {
    if (typed.slug !== undefined) setSlugTouched(true);
    const proposed = typed.slug === undefined && typed.headline !== undefined && !slugTouched ? proposeSlug(typed.headline) : undefined;
    draft.setFields((f) => ({
      ...f,
      ...typed,
      sectionId: typed.sectionId === undefined ? f.sectionId : typed.sectionId || null,
      slug: typed.slug ?? proposed ?? f.slug,
    }));
  });
  const slugErrors = [
    ...(errors?.slug ?? []),
    ...(slugState === "taken" ? ["Another story already uses this slug (or it redirects to one)."] : []),
  ];
  // A new story's address after its first save (see app/admin/articles/new/page.tsx): loaded by a
  // browser that did not say it was a page load, it opens the story from here.
  useEffect(() => {
    if (initial) return;
    const story = new URLSearchParams(window.location.search).get("story");
    if (story && isRecordId(story)) router.replace(`/admin/articles/${story}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);
  // "Create draft" opened this editor: the keyboard goes on from its Save button.
  useEffect(() => {
    if (!initial || recall(CREATED_KEY) !== initial.id) return;
    remember(CREATED_KEY, null);
    saveButton.current?.focus();
  }, [initial]);
  // Once a conflict's "keep mine" is saved, the panel goes with the button pressed: the keyboard
  // goes to Save, beside the line that says it was saved. (A live story's: the save of the kind
  // kept. Looked up after the save, which may have come with the story's new status.)
  const focusSave = (material: boolean) =>
    (document.getElementById(material ? "save-material" : "save-minor") ?? saveButton.current)?.focus();
  const remove = async () => {
    if (!initial) return;
    // Who else has it open, asked now (the presence bar's names may be a heartbeat old): they
    // keep what they typed, but should hear of it before the draft goes.
    const others = (await beatPresence(initial.id).catch(() => null))?.others.map((o) => o.name) ?? [];
    const open = others.length ? `${andList(others)} ${others.length === 1 ? "has" : "have"} this draft open now. ` : "";
    if (!window.confirm(`${open}Delete this draft for good? It has never been published.`)) return;
    const result = await deletion.run({ id: initial.id, version: draft.version });
    if (result?.ok) router.push("/admin");
  };

  return (
    <div className="editor">
      {/* A live story's two kinds of save, or a story this viewer may only read, keep the bar at the top on a phone (globals.css). */}
      <div className={live || !editable ? "editor-bar live-saves" : "editor-bar"} ref={bar}>
        <SaveState draft={draft} />
        {initial ? (
          <>
            <Link href={`/admin/articles/${initial.id}/preview`} target="_blank">
              Preview
            </Link>
            <Link href={`/admin/articles/${initial.id}/revisions`}>Revisions and audit</Link>
            {initial.livePath ? (
              <a href={initial.livePath} target="_blank" rel="noreferrer">
                View live
              </a>
            ) : null}
          </>
        ) : null}
        {live ? (
          <>
            <button
              id="save-material"
              type="button"
              className="button"
              aria-disabled={!draft.dirty || draft.saving}
              aria-describedby="save-kinds"
              onClick={() => draft.dirty && !draft.saving && draft.save({ material: true })}
            >
              Save as material update
            </button>
            <button
              id="save-minor"
              type="button"
              className="button secondary"
              aria-disabled={!draft.dirty || draft.saving}
              aria-describedby="save-kinds"
              onClick={() => draft.dirty && !draft.saving && draft.save({ material: false })}
            >
              Save as minor fix
            </button>
            {/* In words, not only a tooltip (touch screens show none); always shown, so the bar does not change height as typing starts. */}
            <p id="save-kinds" className="save-kinds">
              A material update shows readers a new “Updated” time; a minor fix (a typo) does not.
            </p>
          </>
        ) : (
          <>
            <button
              ref={saveButton}
              type="button"
              className="button secondary"
              // aria-disabled, not disabled: the button keeps the keyboard's focus while it saves.
              aria-disabled={!editable || draft.saving}
              title="Ctrl+S (⌘S)"
              aria-keyshortcuts="Control+S Meta+S"
              onClick={() => editable && !draft.saving && draft.save()}
            >
              {draft.isNew ? "Create draft" : "Save"}
            </button>
            {editable ? (
              <PublishControls
                draft={draft}
                status={initial?.status ?? null}
                problems={blockers}
                embargoed={embargoEnds !== null && canSchedule}
                canPublishNow={canPublishNow}
                canSchedule={canSchedule}
                sectionName={section?.name ?? "No section"}
                address={address}
                suggestion={
                  // An embargoed story is offered the embargo's end, when that is later than the usual suggestion.
                  embargoEnds && canSchedule
                    ? [scheduledLocal, utcToZonedLocal(embargoEnd(embargoEnds), timeZone)].sort()[1]!
                    : scheduledLocal
                }
              />
            ) : null}
          </>
        )}
      </div>
      {wire?.warning ? (
        <div className="wire-warning" role="alert" data-testid="editor-wire-kill">
          {wire.warning}
        </div>
      ) : null}
      {initial?.wireUpdate ? (
        <div className="wire-embargo" role="note" data-testid="editor-wire-update">
          {initial.wireUpdate.says} {initial.wireUpdate.changes.join(" ")}{" "}
          <Link href={`/admin/wire/${initial.wireUpdate.itemId}`}>See the versions on the wire desk</Link>.
        </div>
      ) : null}
      {embargoEnds ? (
        <div className="wire-embargo" role="note" data-testid="editor-wire-embargo">
          Embargoed by {wire!.agency} until {formatDateTime(embargoEnd(embargoEnds), timeZone)}. Publishing now is refused; schedule it for
          then or later.
        </div>
      ) : null}
      {draft.restored ? (
        <FormMessage kind="success">
          Restored changes from this browser that had not been saved. Save to keep them, or{" "}
          <button type="button" className="link-button" onClick={draft.discardRestored}>
            discard them
          </button>
          .
        </FormMessage>
      ) : null}
      {/* What a failed save says, which the bar's "See why" takes the keyboard to (save-state.tsx). */}
      <div id={EDITOR_PROBLEM_ID} tabIndex={-1} className="editor-problem">
        {draft.message?.kind === "error" && !draft.conflict && (errors || !draft.fieldErrors) ? (
          <FormMessage>
            {draft.message.text}
            {errors ? <ProblemList errors={errors} /> : null}
            {draft.retryAt ? (
              <>
                {" "}
                <button type="button" className="link-button" onClick={() => void draft.retryNow()}>
                  Try again now
                </button>
              </>
            ) : null}
          </FormMessage>
        ) : null}
        {deletion.error ? <FormMessage>{deletion.error}</FormMessage> : null}
        {!editable ? <FormMessage>You can read this story but not edit it in its current status.</FormMessage> : null}
        {draft.gone ? (
          <section className="card conflict" role="alert" aria-labelledby="gone-heading">
            <h2 id="gone-heading">This story was deleted, or is no longer yours to see, while you were editing it</h2>
            <p>Your text is still in this form (and in this browser). Save it as a new draft to keep it.</p>
            <button type="button" className="button" disabled={draft.saving} onClick={() => void draft.saveAsNewDraft()}>
              Save mine as a new draft
            </button>
          </section>
        ) : null}
        {draft.conflict && initial ? (
          <ConflictPanel
            // A new conflict is a new panel: nothing of the last one's reading or differences shows under the new saver's name.
            key={draft.conflict.currentVersion}
            conflict={draft.conflict}
            timeZone={timeZone}
            articleId={initial.id}
            mine={fields}
            status={initial.status}
            onOverwrite={async (v, material) => {
              if ((await draft.save({ material, versionOverride: v }))?.ok) focusSave(material);
            }}
            onKeepMerged={async (theirs, merged, material) => {
              if ((await draft.saveMergedOver(theirs, merged, material))?.ok) focusSave(material);
            }}
            onDiscard={draft.discardMine}
            canEdit={initial.canEdit}
          />
        ) : null}
      </div>

      <div className="editor-grid">
        <div className="editor-main">
          <div className="field">
            <label htmlFor={EDITOR_FIELD_IDS.headline}>Headline</label>
            <textarea
              ref={headlineField}
              id={EDITOR_FIELD_IDS.headline}
              rows={2}
              className="headline-input"
              value={fields.headline}
              readOnly={!editable}
              autoFocus={!initial}
              aria-invalid={errors?.headline ? true : undefined}
              aria-describedby="headline-error"
              onChange={(e) => onHeadline(e.target.value)}
            />
            <FieldError id="headline-error" errors={errors?.headline} />
          </div>
          <div className="field">
            <label htmlFor={EDITOR_FIELD_IDS.dek}>Dek</label>
            <textarea
              ref={dekField}
              id={EDITOR_FIELD_IDS.dek}
              rows={3}
              className="dek-input"
              value={fields.dek}
              readOnly={!editable}
              aria-invalid={errors?.dek ? true : undefined}
              aria-describedby="dek-error"
              onChange={(e) => set("dek", e.target.value)}
            />
            <FieldError id="dek-error" errors={errors?.dek} />
          </div>
          <div className="field">
            <span className="label" id="body-label">
              Body
            </span>
            <BodyEditor
              value={fields.body}
              editable={editable}
              images={images}
              onChange={(doc) => set("body", doc as typeof fields.body)}
              errorId="body-error"
              invalid={!!errors?.body}
            />
            <FieldError
              id="body-error"
              errors={Object.entries(errors ?? {})
                .filter(([k]) => k.startsWith("body"))
                .flatMap(([, v]) => v ?? [])}
            />
          </div>
          <SourcesEditor value={fields.sources} onChange={(rows) => set("sources", rows)} errors={errors} disabled={!editable} />
        </div>

        <aside className="editor-side">
          {initial ? (
            <WorkflowPanel article={initial} version={draft.version} onVersion={draft.setVersion} dirty={draft.dirty} timeZone={timeZone} />
          ) : null}
          {initial?.canCorrect ? (
            <CorrectionsPanel
              article={initial}
              version={draft.version}
              onVersion={draft.setVersion}
              dirty={draft.dirty}
              timeZone={timeZone}
            />
          ) : null}
          <section className="card">
            <div className="field">
              <label htmlFor={EDITOR_FIELD_IDS.slug}>Slug</label>
              <input
                id={EDITOR_FIELD_IDS.slug}
                value={fields.slug}
                readOnly={!editable}
                aria-invalid={slugErrors.length ? true : undefined}
                aria-describedby="slug-hint slug-error"
                onChange={(e) => {
                  setSlugTouched(true);
                  set("slug", e.target.value);
                }}
              />
              <span id="slug-hint" className="field-hint">
                {slugState === "available" ? "This address is free." : "Lower-case letters, digits and hyphens."}
                {live ? " Changing it keeps the old address redirecting here." : ""}
              </span>
              <FieldError id="slug-error" errors={slugErrors} />
            </div>
            <div className="field">
              <label htmlFor={EDITOR_FIELD_IDS.dateline}>Dateline</label>
              <input
                id={EDITOR_FIELD_IDS.dateline}
                value={fields.dateline}
                readOnly={!editable}
                placeholder="BUCHA, Ukraine"
                aria-invalid={errors?.dateline ? true : undefined}
                aria-describedby="dateline-error"
                onChange={(e) => set("dateline", e.target.value)}
              />
              <FieldError id="dateline-error" errors={errors?.dateline} />
            </div>
            <LanguageField
              id={EDITOR_FIELD_IDS.language}
              label="Language"
              value={fields.language}
              onChange={(tag) => set("language", tag)}
              readOnly={!editable}
              saved={props.language.saved}
              options={props.language.options}
              errors={errors?.language}
              hint={
                <>
                  Empty: the site&apos;s language, {props.language.site.name ?? props.language.site.tag} ({props.language.site.tag}). Set it
                  only for a story written in another.
                </>
              }
            />
            <div className="field">
              <label htmlFor={EDITOR_FIELD_IDS.sectionId}>Section</label>
              <select
                id={EDITOR_FIELD_IDS.sectionId}
                value={fields.sectionId ?? ""}
                disabled={!editable}
                aria-describedby="section-error"
                onChange={(e) => set("sectionId", e.target.value || null)}
              >
                <option value="">No section yet</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              <FieldError id="section-error" errors={errors?.sectionId} />
            </div>
          </section>
          <section className="card">
            <BylinePicker
              authors={authors}
              value={fields.authorIds}
              onChange={(ids) => set("authorIds", ids)}
              onCreated={(a) => setAuthors((list) => [...list, a])}
              errors={errors?.authorIds}
              disabled={!editable}
            />
            <TagPicker
              tags={tags}
              value={fields.tagIds}
              onChange={(ids) => set("tagIds", ids)}
              onCreated={(t) => setTags((list) => [...list, t])}
              disabled={!editable}
            />
          </section>
          <section className="card">
            <HeroPicker images={images} value={fields.hero} onChange={(hero) => set("hero", hero)} errors={errors} disabled={!editable} />
          </section>
          <SeoFields
            fields={fields}
            set={set}
            errors={errors}
            editable={editable}
            address={address}
            siteName={props.siteName}
            photoSrc={heroPhoto}
          />
          {initial?.canDelete ? (
            <button type="button" className="button danger" disabled={deletion.pending} onClick={remove}>
              Delete draft
            </button>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

/** What the publish list says the story needs while the slug check finds its slug taken. */
const SLUG_TAKEN = "a slug no other story uses";

/** The story "Create draft" just made in this tab, whose editor takes the focus once it opens. */
const CREATED_KEY = "dateline:created-story";
/** This tab's storage (kept across the editor's navigation); a browser that refuses it just skips the focus. */
function remember(key: string, value: string | null) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {}
}
function recall(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
