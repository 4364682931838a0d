import { Extension, InputRule, Node, mergeAttributes } from "@tiptap/core";
import { Selection, TextSelection } from "@tiptap/pm/state";
import StarterKit from "@tiptap/starter-kit";
import { hasAllowedScheme, LINK_SCHEMES } from "@/lib/security/urls";
import { smartReplacement } from "@/lib/articles/smart-typing";

/** Whether typed quotes and dashes become typographer's ones; the toolbar's "Smart quotes" switch sets it. */
export const smartTyping = { on: true };

/**
 * Smart quotes and dashes as the editor types (lib/articles/smart-typing.ts). Backspace right after
 * a substitution gives the straight character back (TipTap's undoInputRule), and the toolbar's
 * switch turns substitution off for typing straight ones throughout.
 */
const SmartTyping = Extension.create({
  name: "smartTyping",
  addInputRules() {
    return [
      new InputRule({
        // A decade written short ('90s) is seen once its s is typed: the quote before it becomes an apostrophe.
        find: /(?:["']|--|\.\.\.|\u2018\d{2}s)$/,
        handler: ({ state, match, range }) => {
          if (!smartTyping.on) return null;
          // The rule sees the paragraph's text up to and including what was just typed.
          const before = (match.input ?? "").slice(0, match.index);
          const typed = match[0];
          const change = smartReplacement(before + typed.slice(0, -1), typed.slice(-1));
          if (!change) return null;
          // The typed text is in the state already, at Tiptap's range — unless it replaced a
          // selection that began outside any paragraph (an empty body clicked below its first
          // line, or everything selected): the text went to the first paragraph's start then.
          const typedAt = (pos: number) =>
            pos + typed.length <= state.doc.content.size && state.doc.textBetween(pos, pos + typed.length) === typed;
          let from = range.from;
          if (!typedAt(from)) {
            const start = Selection.findFrom(state.doc.resolve(range.from), 1, true);
            if (!start || !typedAt(start.from)) return null;
            from = start.from;
          }
          const tr = state.tr.insertText(change.with, from, from + typed.length);
          // The cursor goes after it, as after any typing: a selection of everything left in
          // place would make the next keystroke replace what was just typed.
          tr.setSelection(TextSelection.create(tr.doc, from + change.with.length));
        },
      }),
    ];
  },
});

/** An inline photo from the media library (chosen in the media issue's picker); kept intact on load and save. */
const ImageNode = Node.create({
  name: "image",
  group: "block",
  atom: true,
  addAttributes: () => ({ imageId: { default: null }, caption: { default: null }, credit: { default: null }, alt: { default: null } }),
  // The story's own details travel with the figure, so a photo cut and pasted inside the body keeps them.
  parseHTML: () => [
    {
      tag: "figure[data-image-id]",
      getAttrs: (el) => {
        const data = (el as HTMLElement).dataset;
        return { imageId: data.imageId, caption: data.caption ?? null, credit: data.credit ?? null, alt: data.alt ?? null };
      },
    },
  ],
  // What this story says of the photo is shown, so that an editor can check it before readers do
  // (alt text typed into the credit's box, say); the rest comes from the library.
  renderHTML: ({ HTMLAttributes }) => {
    const own = [
      ["Caption", HTMLAttributes.caption],
      ["Credit", HTMLAttributes.credit],
      ["Alt text", HTMLAttributes.alt],
    ] as const;
    const given = (text: unknown) => typeof text === "string" && text.trim() !== "";
    const library = own.filter(([, text]) => !given(text)).map(([label]) => label.toLowerCase());
    return [
      "figure",
      mergeAttributes({
        "data-image-id": HTMLAttributes.imageId,
        "data-caption": HTMLAttributes.caption,
        "data-credit": HTMLAttributes.credit,
        "data-alt": HTMLAttributes.alt,
        class: "editor-figure",
      }),
      ["span", { class: "editor-figure-title" }, "Photo from the library"],
      ...own
        .filter(([, text]) => given(text))
        .map(([label, text]) => ["span", { class: "editor-figure-detail" }, `${label} for this story: ${text}`]),
      ...(library.length ? [["span", { class: "editor-figure-detail" }, `The library's ${library.join(", ")}.`]] : []),
    ];
  },
});

/** A link to embedded content, shown to readers as a link. */
const EmbedNode = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  addAttributes: () => ({ url: { default: null } }),
  parseHTML: () => [{ tag: "div[data-embed-url]", getAttrs: (el) => ({ url: (el as HTMLElement).dataset.embedUrl }) }],
  renderHTML: ({ HTMLAttributes }) => [
    "div",
    { "data-embed-url": HTMLAttributes.url, class: "editor-embed" },
    `Embed: ${HTMLAttributes.url}`,
  ],
});

/**
 * The body editor's schema mirrors lib/articles/body.ts: anything pasted from Word or
 * Google Docs that is not one of these nodes or marks is dropped by ProseMirror's parser.
 */
export const bodyExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["mailto"],
      isAllowedUri: (url) => hasAllowedScheme(url, LINK_SCHEMES),
      HTMLAttributes: { rel: "noopener noreferrer", target: null },
    },
  }),
  ImageNode,
  EmbedNode,
  SmartTyping,
];
