"use client";

import "@/lib/security/zod-jitless";
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { bodyBytes, MAX_BODY_BYTES, MAX_BODY_LABEL, normalizeEditorDoc, type BodyDoc } from "@/lib/articles/body";
import { cleanPastedHtml } from "@/lib/articles/paste-cleaning";
import { countWords, wordCountLabel } from "@/lib/articles/word-count";
import { formatBytes } from "@/lib/security/limits";
import { linkUrlSchema } from "@/lib/security/urls";
import { bodyExtensions, smartTyping } from "./body-extensions";
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

/** The sentence for a paste that would take the body past its limit; nothing of it is pasted. */
export const pasteTooLargeMessage = (bytes: number) =>
  `That paste is too large (${formatBytes(bytes)}): a story's body can hold at most ${MAX_BODY_LABEL}. Nothing was pasted, and everything typed before is still here.`;

/** Room to keep at each edge of the screen when the caret is scrolled into view; the bottom's is read at each scroll. */
const CLEAR_OF_BAR = {
  top: 5,
  left: 5,
  right: 5,
  get bottom() {
    const bar = document.querySelector(".editor-bar");
    return bar && getComputedStyle(bar).position === "fixed" ? bar.getBoundingClientRect().height + 8 : 5;
  },
};

/**
 * Takes in the selection the browser shows before a key acts on it. The editor hears of a new
 * selection (Shift+Home, a double click) from the browser's selectionchange event, which on a busy
 * machine comes after the next key: Ctrl+K then linked nothing, Ctrl+B bolded nothing, and Enter
 * kept the selected words. This is ProseMirror's own handler for that event (its DOM observer is
 * left out of its typings); with nothing new it does nothing.
 */
const readSelectionNow = (view: EditorView) => (view as unknown as { domObserver?: { flush?: () => void } }).domObserver?.flush?.();

/** The rich-text body: paragraphs, headings, quotes, lists, bold, italic and safe links. */
export function BodyEditor({ value, onChange, editable, images, errorId, invalid }: Props) {
  const [linkOpen, setLinkOpen] = useState(false);
  const [pasteError, setPasteError] = useState<string | null>(null);
  const [smart, setSmart] = useState(smartTyping.on);
  const bytesRef = useRef(0);
  const [photoOpen, setPhotoOpen] = useState(false);
  const [href, setHref] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);
  // The document the editor shows: the one it last sent up, or was last given. Any other `value`
  // comes from outside (changes restored from this browser after a reload, a newer version the form
  // took on) and replaces what it shows: it read `value` once, so it went on showing, and the next
  // keystroke saving, the text it started with.
  const shown = useRef<unknown>(value);
  const editor = useEditor({
    extensions: bodyExtensions,
    content: value,
    editable,
    immediatelyRender: false,
    editorProps: {
      // The caret stays clear of the bar fixed at the foot of a phone's screen (globals.css).
      scrollThreshold: CLEAR_OF_BAR,
      scrollMargin: CLEAR_OF_BAR,
      attributes: {
        class: "body-editor-content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": "Story body",
        ...(errorId ? { "aria-describedby": errorId } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
      },
      handleDOMEvents: {
        // Before the editor's own handling of the key (a shortcut acts on the selection), and only
        // for a key really pressed: not one typed through an input method, nor the Enter or
        // Backspace ProseMirror plays itself while it reads what a phone's keyboard did.
        keydown: (view, event) => {
          if (!view.composing && !event.isComposing && event.keyCode !== 229) readSelectionNow(view);
          return false;
        },
        // Measured before the editor parses anything: a paste that would take the body past its
        // limit is refused at once, with the limit named, and the body stays as it was.
        paste: (_view, event) => {
          const pasted = new TextEncoder().encode(event.clipboardData?.getData("text/plain") ?? "").length;
          if (bytesRef.current + pasted <= MAX_BODY_BYTES) {
            setPasteError(null);
            return false;
          }
          event.preventDefault();
          setPasteError(pasteTooLargeMessage(pasted));
          return true;
        },
      },
      transformPastedHTML: (html) => cleanPastedHtml(html),
      handleKeyDown: (_view, event) => {
        if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
          event.preventDefault();
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => {
      const doc = normalizeEditorDoc(e.getJSON());
      shown.current = doc;
      onChange(doc);
    },
  });
  useEffect(() => {
    if (!editor || editor.isDestroyed || value === shown.current) return;
    const same = JSON.stringify(value) === JSON.stringify(shown.current);
    shown.current = value;
    // The same text as a new object (the page refreshed after this editor's own correction): the
    // cursor stays where it is.
    if (same) return;
    // Not undoable: an undo would bring back the text it replaced (a colleague's fix undone, then
    // saved over at the new version without a conflict).
    editor
      .chain()
      .setMeta("addToHistory", false)
      .setContent(value as BodyDoc, { emitUpdate: false })
      .run();
  }, [editor, value]);
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);
  // Word count and size follow the typing a beat behind, so a 100,000-word story types smoothly.
  const deferred = useDeferredValue(value);
  const words = useMemo(() => countWords(deferred), [deferred]);
  const bytes = useMemo(() => bodyBytes(deferred), [deferred]);
  bytesRef.current = bytes;
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

  /**
   * Puts the keyboard back in the text now, the caret in view (clear of the bar). The editor's own
   * focus command waits a frame, and keys typed meanwhile went to the form or panel that was
   * closing, and were lost with it.
   */
  const backToText = () => {
    editor?.view.focus();
    editor?.commands.scrollIntoView();
  };
  /** Closes the link form without a link; the cursor goes back where it was in the text. */
  const cancelLink = () => {
    setLinkOpen(false);
    setLinkError(null);
    backToText();
  };
  const applyLink = () => {
    const parsed = linkUrlSchema.safeParse(href);
    if (!parsed.success) {
      setLinkError(parsed.error.issues[0]?.message ?? "Enter a valid link.");
      return;
    }
    editor?.chain().extendMarkRange("link").setLink({ href: parsed.data }).run();
    backToText();
    setLinkOpen(false);
    setHref("");
    setLinkError(null);
  };

  // One tab stop for the whole toolbar; arrow keys move along it (the ARIA toolbar pattern), so
  // Tab goes from the dek to the text in two presses.
  const [focusIndex, setFocusIndex] = useState(0);
  let index = 0;
  const button = (label: string, pressed: boolean | undefined, run: () => void, shortcut?: string) => {
    const mine = index++;
    return (
      <button
        type="button"
        className="tool"
        aria-pressed={pressed}
        title={shortcut ? `${label} (${shortcut})` : label}
        tabIndex={mine === focusIndex ? 0 : -1}
        onFocus={() => setFocusIndex(mine)}
        onClick={run}
        disabled={!editable}
      >
        {label}
      </button>
    );
  };
  const onToolbarKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const tools = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>("button.tool"));
    const at = tools.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tools.length - 1 }[event.key];
    if (next === undefined || at < 0) return;
    event.preventDefault();
    tools[(next + tools.length) % tools.length]?.focus();
  };
  const chain = () => editor!.chain().focus();
  return (
    <div className="body-editor">
      {editor ? (
        <div className="toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onToolbarKey}>
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
          {button(
            "Smart quotes",
            smart,
            () => {
              smartTyping.on = !smart;
              setSmart(!smart);
            },
            "type “curly” quotes and — dashes; off types straight ones (Backspace right after one also undoes it)",
          )}
        </div>
      ) : null}
      {linkOpen ? (
        <div className="link-form" role="group" aria-label="Add a link">
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
              if (e.key === "Escape") {
                e.preventDefault();
                cancelLink();
              }
            }}
          />
          <button type="button" className="button secondary" onClick={applyLink}>
            Apply link
          </button>
          <button type="button" className="button secondary" onClick={cancelLink}>
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
          onClose={() => {
            setPhotoOpen(false);
            backToText();
          }}
          onInsert={(photo) => {
            if (!editor) return;
            editor.chain().insertContent({ type: "image", attrs: photo }).run();
            // The photo is selected once it is in, and the next keystroke replaced it (with its
            // caption, credit and alt text): the cursor goes after it, into the paragraph that
            // follows, or a new one.
            const { selection } = editor.state;
            if (selection instanceof NodeSelection) {
              const after = selection.$to.nodeAfter;
              if (after?.isTextblock) editor.commands.setTextSelection(selection.to + 1);
              else
                editor
                  .chain()
                  .insertContentAt(selection.to, { type: "paragraph" })
                  .setTextSelection(selection.to + 1)
                  .run();
            }
            backToText();
            setPhotoOpen(false);
          }}
        />
      ) : null}
      <EditorContent editor={editor} />
      <p className="body-meta" aria-live="off">
        <span data-testid="word-count">{wordCountLabel(words)}</span>
        {bytes > MAX_BODY_BYTES * 0.8 ? (
          <span className={bytes > MAX_BODY_BYTES ? "field-error" : "muted"}>
            {" "}
            · {formatBytes(bytes)} of {MAX_BODY_LABEL}
            {bytes > MAX_BODY_BYTES ? ": too long to save; shorten it or split it into two stories." : ""}
          </span>
        ) : null}
      </p>
      {pasteError ? (
        <p className="field-error" role="alert">
          {pasteError}
        </p>
      ) : null}
    </div>
  );
}
