"use client";

import "@/lib/security/zod-jitless";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import type { EditorData } from "@/lib/articles/editor";
import { SEO_DESCRIPTION_HINT, SEO_TITLE_HINT } from "@/lib/articles/schema";
import type { LibraryImage } from "@/lib/media/queries";
import { slugify } from "@/lib/format/slug";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { checkSlugAction, deleteArticleAction } from "../actions";
import { BodyEditor } from "./body-editor";
import { BylinePicker } from "./byline-picker";
import { ConflictPanel } from "./conflict-panel";
import { CorrectionsPanel } from "./corrections-panel";
import { HeroPicker } from "./hero-picker";
import { SourcesEditor } from "./sources-editor";
import { TagPicker } from "./tag-picker";
import type { Option } from "./types";
import { useArticleDraft } from "./use-article-draft";
import { WorkflowPanel } from "./workflow-panel";

type Props = {
  initial: EditorData | null;
  sections: Option[];
  authors: Option[];
  tags: Option[];
  images: LibraryImage[];
  timeZone: string;
  scheduledLocal: string;
};

const counter = (value: string, hint: number) => `${value.length}/${hint}${value.length > hint ? ": search engines will cut it" : ""}`;

/** The story editor: one screen for the fields, body, sources, photo, workflow and corrections. */
export function ArticleForm({ initial, sections, authors: initialAuthors, tags: initialTags, images, timeZone, scheduledLocal }: Props) {
  const router = useRouter();
  const draft = useArticleDraft(initial, (id) => router.replace(`/admin/articles/${id}`));
  const { fields, set, fieldErrors: errors } = draft;
  const [authors, setAuthors] = useState(initialAuthors);
  const [tags, setTags] = useState(initialTags);
  const [slugTouched, setSlugTouched] = useState(!!initial);
  const [slugState, setSlugState] = useState<"unknown" | "available" | "taken">("unknown");
  const editable = !initial || initial.canEdit;
  const live = initial?.status === "PUBLISHED";

  useEffect(() => {
    if (!fields.slug) return;
    const timer = setTimeout(async () => {
      const result = await checkSlugAction({ slug: fields.slug, articleId: initial?.id ?? null });
      setSlugState(result.ok ? (result.data.available ? "available" : "taken") : "unknown");
    }, 400);
    return () => clearTimeout(timer);
  }, [fields.slug, initial?.id]);

  const onHeadline = (headline: string) => {
    draft.setFields((f) => ({ ...f, headline, slug: slugTouched ? f.slug : slugify(headline) }));
  };
  const slugErrors = [
    ...(errors?.slug ?? []),
    ...(slugState === "taken" ? ["Another story already uses this slug (or it redirects to one)."] : []),
  ];
  const remove = async () => {
    if (!initial || !window.confirm("Delete this draft for good? It has never been published.")) return;
    const result = await deleteArticleAction({ id: initial.id, version: draft.version });
    if (result.ok) router.push("/admin");
    else draft.setMessage({ kind: "error", text: result.error });
  };

  return (
    <div className="editor">
      <div className="editor-bar">
        <span aria-live="polite" className="save-state">
          {draft.saving
            ? "Saving…"
            : draft.dirty
              ? "Unsaved changes"
              : `All changes saved${draft.message?.kind === "success" ? ` · ${draft.message.text}` : ""}`}
        </span>
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
            <button type="button" className="button" disabled={!draft.dirty || draft.saving} onClick={() => draft.save({ material: true })}>
              Save as material update
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={!draft.dirty || draft.saving}
              onClick={() => draft.save({ material: false })}
              title="For typos: readers' updated time does not change"
            >
              Save as minor fix
            </button>
          </>
        ) : (
          <button type="button" className="button" disabled={!editable || draft.saving} onClick={() => draft.save()}>
            {initial ? "Save" : "Create draft"}
          </button>
        )}
      </div>
      {draft.restored ? (
        <FormMessage kind="success">
          Restored changes from this browser that had not been saved. Save to keep them, or{" "}
          <button type="button" className="link-button" onClick={draft.discardRestored}>
            discard them
          </button>
          .
        </FormMessage>
      ) : null}
      {draft.message?.kind === "error" && !draft.conflict ? <FormMessage>{draft.message.text}</FormMessage> : null}
      {!editable ? <FormMessage>You can read this story but not edit it in its current status.</FormMessage> : null}
      {draft.conflict && initial ? (
        <ConflictPanel
          conflict={draft.conflict}
          articleId={initial.id}
          mine={fields}
          onOverwrite={(v) => void draft.save({ material: live, versionOverride: v })}
          onDiscard={() => window.location.reload()}
        />
      ) : null}

      <div className="editor-grid">
        <div className="editor-main">
          <div className="field">
            <label htmlFor="headline">Headline</label>
            <textarea
              id="headline"
              rows={2}
              className="headline-input"
              value={fields.headline}
              readOnly={!editable}
              aria-invalid={errors?.headline ? true : undefined}
              aria-describedby="headline-error"
              onChange={(e) => onHeadline(e.target.value)}
            />
            <FieldError id="headline-error" errors={errors?.headline} />
          </div>
          <div className="field">
            <label htmlFor="dek">Dek</label>
            <textarea
              id="dek"
              rows={2}
              value={fields.dek}
              readOnly={!editable}
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
            <WorkflowPanel
              article={initial}
              version={draft.version}
              onVersion={draft.setVersion}
              dirty={draft.dirty}
              timeZone={timeZone}
              scheduledLocal={scheduledLocal}
            />
          ) : null}
          {initial?.canCorrect ? (
            <CorrectionsPanel article={initial} version={draft.version} onVersion={draft.setVersion} dirty={draft.dirty} />
          ) : null}
          <section className="card">
            <div className="field">
              <label htmlFor="slug">Slug</label>
              <input
                id="slug"
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
              <label htmlFor="dateline">Dateline</label>
              <input
                id="dateline"
                value={fields.dateline}
                readOnly={!editable}
                placeholder="BUCHA, Ukraine"
                onChange={(e) => set("dateline", e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="section">Section</label>
              <select
                id="section"
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
          <section className="card">
            <h2>Search and sharing</h2>
            <div className="field">
              <label htmlFor="seo-title">SEO title</label>
              <input
                id="seo-title"
                value={fields.seoTitle}
                readOnly={!editable}
                placeholder={fields.headline}
                aria-describedby="seo-title-hint seo-title-error"
                onChange={(e) => set("seoTitle", e.target.value)}
              />
              <span id="seo-title-hint" className="field-hint">
                {counter(fields.seoTitle || fields.headline, SEO_TITLE_HINT)}
              </span>
              <FieldError id="seo-title-error" errors={errors?.seoTitle} />
            </div>
            <div className="field">
              <label htmlFor="seo-description">SEO description</label>
              <textarea
                id="seo-description"
                rows={3}
                value={fields.seoDescription}
                readOnly={!editable}
                placeholder={fields.dek}
                aria-describedby="seo-description-hint seo-description-error"
                onChange={(e) => set("seoDescription", e.target.value)}
              />
              <span id="seo-description-hint" className="field-hint">
                {counter(fields.seoDescription || fields.dek, SEO_DESCRIPTION_HINT)}
              </span>
              <FieldError id="seo-description-error" errors={errors?.seoDescription} />
            </div>
            <div className="field">
              <label htmlFor="canonical">Canonical URL (only for stories first published elsewhere)</label>
              <input
                id="canonical"
                type="url"
                value={fields.canonicalUrl}
                readOnly={!editable}
                aria-describedby="canonical-error"
                onChange={(e) => set("canonicalUrl", e.target.value)}
              />
              <FieldError id="canonical-error" errors={errors?.canonicalUrl} />
            </div>
          </section>
          {initial?.canDelete ? (
            <button type="button" className="button danger" onClick={remove}>
              Delete draft
            </button>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
