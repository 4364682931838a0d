"use client";

import "@/lib/security/zod-jitless";
import { useState } from "react";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { normalizeEditorDoc, type BodyDoc } from "@/lib/articles/body";
import { linkUrlSchema } from "@/lib/security/urls";
import { bodyExtensions } from "./body-extensions";
import type { LibraryImage } from "@/lib/media/queries";
import { InlinePhotoPanel } from "./inline-photo-panel";

type Props = {
  value: BodyDoc;
  onChange: (doc: unknown) => void;
  editable: boolean;
  images: LibraryImage[];
  errorId?: string;
  invalid?: boolean;
};

/** The rich-text body: paragraphs, headings, quotes, lists, bold, italic and safe links. */
export function BodyEditor({ value, onChange, editable, images, errorId, invalid }: Props) {
  const [linkOpen, setLinkOpen] = useState(false);
  const [photoOpen, setPhotoOpen] = useState(false);
  const [href, setHref] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);
  const editor = useEditor({
    extensions: bodyExtensions,
    content: value,
    editable,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "body-editor-content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": "Story body",
        ...(errorId ? { "aria-describedby": errorId } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
      },
      handleKeyDown: (_view, event) => {
        if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
          event.preventDefault();
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => onChange(normalizeEditorDoc(e.getJSON())),
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      h2: e?.isActive("heading", { level: 2 }) ?? false,
      h3: e?.isActive("heading", { level: 3 }) ?? false,
      quote: e?.isActive("blockquote") ?? false,
      bullets: e?.isActive("bulletList") ?? false,
      numbers: e?.isActive("orderedList") ?? false,
      link: e?.isActive("link") ?? false,
    }),
  });

  const applyLink = () => {
    const parsed = linkUrlSchema.safeParse(href);
    if (!parsed.success) {
      setLinkError(parsed.error.issues[0]?.message ?? "Enter a valid link.");
      return;
    }
    editor?.chain().focus().extendMarkRange("link").setLink({ href: parsed.data }).run();
    setLinkOpen(false);
    setHref("");
    setLinkError(null);
  };

  const button = (label: string, pressed: boolean | undefined, run: () => void, shortcut?: string) => (
    <button
      type="button"
      className="tool"
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      onClick={run}
      disabled={!editable}
    >
      {label}
    </button>
  );
  const chain = () => editor!.chain().focus();
  return (
    <div className="body-editor">
      {editor ? (
        <div className="toolbar" role="toolbar" aria-label="Formatting">
          {button("Bold", active?.bold, () => chain().toggleBold().run(), "Ctrl+B")}
          {button("Italic", active?.italic, () => chain().toggleItalic().run(), "Ctrl+I")}
          {button("Heading", active?.h2, () => chain().toggleHeading({ level: 2 }).run())}
          {button("Subheading", active?.h3, () => chain().toggleHeading({ level: 3 }).run())}
          {button("Quote", active?.quote, () => chain().toggleBlockquote().run())}
          {button("Bullets", active?.bullets, () => chain().toggleBulletList().run())}
          {button("Numbered", active?.numbers, () => chain().toggleOrderedList().run())}
          {button(
            "Link",
            active?.link,
            () => {
              setHref(editor.getAttributes("link").href ?? "");
              setLinkOpen(true);
            },
            "Ctrl+K",
          )}
          {active?.link ? button("Remove link", undefined, () => chain().extendMarkRange("link").unsetLink().run()) : null}
          {button("Photo", photoOpen, () => setPhotoOpen(true))}
        </div>
      ) : null}
      {linkOpen ? (
        <div className="link-form">
          <label htmlFor="link-href">Link address</label>
          <input
            id="link-href"
            value={href}
            autoFocus
            placeholder="https://"
            aria-invalid={linkError ? true : undefined}
            aria-describedby="link-href-error"
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                applyLink();
              }
              if (e.key === "Escape") setLinkOpen(false);
            }}
          />
          <button type="button" className="button secondary" onClick={applyLink}>
            Apply link
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setLinkOpen(false);
              setLinkError(null);
            }}
          >
            Cancel
          </button>
          <p id="link-href-error" className="field-error" aria-live="polite">
            {linkError}
          </p>
        </div>
      ) : null}
      {photoOpen ? (
        <InlinePhotoPanel
          images={images}
          onClose={() => setPhotoOpen(false)}
          onInsert={(photo) => {
            editor?.chain().focus().insertContent({ type: "image", attrs: photo }).run();
            setPhotoOpen(false);
          }}
        />
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}
