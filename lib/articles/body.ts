import { z } from "zod";
import { linkUrlSchema, webUrlSchema } from "../security/urls";

// The article body: a ProseMirror/Tiptap-shaped JSON document of known node types.
// Unknown nodes, unknown marks and unsafe URLs fail validation, so nothing a user
// typed ever reaches a page as HTML (components/article/body-renderer.tsx renders it).

// 2 MB of UTF-8 holds a 100,000-word story (about 0.7 MB in English, 1.3 MB in Cyrillic) with room
// to spare; the Server Action limit (lib/security/body-limit.ts) leaves room for the other fields.
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** The body limit as people read it ("2 MB"). */
export const MAX_BODY_LABEL = `${MAX_BODY_BYTES / 1024 / 1024} MB`;
const MAX_TEXT = 100_000;
const MAX_BLOCKS = 20_000;

const boldMark = z.object({ type: z.literal("bold") }).strict();
const italicMark = z.object({ type: z.literal("italic") }).strict();
const linkMark = z.object({ type: z.literal("link"), attrs: z.object({ href: linkUrlSchema }).strict() }).strict();
export const markSchema = z.discriminatedUnion("type", [boldMark, italicMark, linkMark]);

export const textNodeSchema = z
  .object({
    type: z.literal("text"),
    text: z.string().min(1).max(MAX_TEXT),
    marks: z.array(markSchema).max(3).optional(),
  })
  .strict();
const hardBreakSchema = z.object({ type: z.literal("hardBreak") }).strict();
const inlineSchema = z.discriminatedUnion("type", [textNodeSchema, hardBreakSchema]);
/** The most inline pieces (texts and line breaks) a paragraph or heading holds. */
export const MAX_INLINE = 2000;
const inlineContent = z.array(inlineSchema).max(MAX_INLINE).optional();

export const paragraphSchema = z.object({ type: z.literal("paragraph"), content: inlineContent }).strict();
const headingSchema = z
  .object({
    type: z.literal("heading"),
    attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }).strict(),
    content: inlineContent,
  })
  .strict();
const blockquoteSchema = z.object({ type: z.literal("blockquote"), content: z.array(paragraphSchema).min(1).max(50) }).strict();
const imageSchema = z
  .object({
    type: z.literal("image"),
    attrs: z
      .object({
        imageId: z.string().min(1).max(64),
        caption: z.string().max(2000).optional(),
        credit: z.string().max(300).optional(),
        alt: z.string().max(500).optional(),
      })
      .strict(),
  })
  .strict();
const embedSchema = z.object({ type: z.literal("embed"), attrs: z.object({ url: webUrlSchema }).strict() }).strict();

export type ListItemNode = { type: "listItem"; content: (ParagraphNode | ListNode)[] };
export type ListNode = { type: "bulletList" | "orderedList"; content: ListItemNode[] };

// Lists nest; the depth cap keeps a hostile document from recursing without end.
function listSchema(depth: number): z.ZodType<ListNode> {
  const item = z
    .object({
      type: z.literal("listItem"),
      content: z
        .array(depth > 1 ? z.union([paragraphSchema, z.lazy(() => listSchema(depth - 1))]) : paragraphSchema)
        .min(1)
        .max(50),
    })
    .strict();
  return z
    .object({ type: z.enum(["bulletList", "orderedList"]), content: z.array(item).min(1).max(200) })
    .strict() as unknown as z.ZodType<ListNode>;
}

export const blockSchema = z.union([paragraphSchema, headingSchema, blockquoteSchema, listSchema(4), imageSchema, embedSchema]);

export const bodySchema = z
  .object({ type: z.literal("doc"), content: z.array(blockSchema).max(MAX_BLOCKS) })
  .strict()
  .refine((doc) => bodyBytes(doc) <= MAX_BODY_BYTES, {
    message: `The story body is too long (over ${MAX_BODY_LABEL}).`,
  });

/** The size of a body as stored and sent, in UTF-8 bytes. */
export function bodyBytes(doc: unknown): number {
  return new TextEncoder().encode(JSON.stringify(doc)).length;
}

export type TextNode = z.infer<typeof textNodeSchema>;
export type Mark = z.infer<typeof markSchema>;
export type ParagraphNode = z.infer<typeof paragraphSchema>;
export type BlockNode = z.infer<typeof blockSchema>;
export type BodyDoc = z.infer<typeof bodySchema>;

export const emptyBody = (): BodyDoc => ({ type: "doc", content: [] });

type AnyNode = { type: string; text?: string; content?: AnyNode[] };

/** The plain text of a body, one block per line: for search, descriptions and diffs. */
export function bodyToText(doc: BodyDoc): string {
  const blocks: string[] = [];
  const inline = (nodes: AnyNode[] | undefined): string =>
    (nodes ?? []).map((n) => (n.type === "text" ? (n.text ?? "") : n.type === "hardBreak" ? " " : inline(n.content))).join("");
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === "paragraph" || node.type === "heading") blocks.push(inline(node.content));
      else if (node.content) walk(node.content);
    }
  };
  walk(doc.content as AnyNode[]);
  return blocks.filter((b) => b.trim() !== "").join("\n");
}

/** Text compared as a reader would: compatible forms, letter case and runs of spaces set aside. */
const folded = (text: string) => text.normalize("NFKC").toLocaleLowerCase("en").replace(/\s+/g, " ").trim();

/**
 * Where a story's dateline goes (the page's BodyRenderer and the API's bodyToHtml both ask): `place`
 * leads the paragraph at `lead`, the first with text, or stands alone when there is none (`lead` −1).
 * A first paragraph that already opens with the dateline, as wire copy and writers often type it
 * ("BUCHA, Ukraine — “We will …”", or "BUCHA, Ukraine (AP) —"), gets none: readers saw it twice.
 * Only a dash or a colon after the place counts, so "Kyiv residents woke …" and "Kyiv-based …" under KYIV keep their dateline.
 */
export function datelinePlacement(body: BodyDoc, dateline: string | null | undefined): { place: string; lead: number } {
  const place = dateline?.trim() || "";
  if (!place) return { place: "", lead: -1 };
  const lead = body.content.findIndex((n) => n.type === "paragraph" && !!n.content?.length);
  if (lead >= 0) {
    const opening = folded(bodyToText({ type: "doc", content: [body.content[lead]!] }));
    const name = folded(place);
    if (opening.startsWith(name) && /^(?:\s*\([^)]{1,40}\))?(?:\s*[—–:]|\s+-{1,2}\s)/.test(opening.slice(name.length)))
      return { place: "", lead: -1 };
  }
  return { place, lead };
}

/** The photos placed in a body, in order, with their per-story overrides. */
export function inlineImageNodes(doc: BodyDoc) {
  return doc.content.flatMap((n) => (n.type === "image" ? [n.attrs] : []));
}

/** True when the body has at least one non-empty text block. */
export const bodyHasText = (doc: BodyDoc) => bodyToText(doc).trim().length > 0;

/** Builds a body from plain paragraphs (seed content, imports, tests). */
export function bodyFromParagraphs(paragraphs: string[]): BodyDoc {
  return {
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text }] })),
  };
}

type Json = { type?: unknown; text?: unknown; attrs?: Record<string, unknown>; marks?: Json[]; content?: Json[] };

/** The attributes each node and mark keeps; editors add others (target, rel, class, start…). */
const KEPT_ATTRS: Record<string, string[]> = {
  heading: ["level"],
  link: ["href"],
  image: ["imageId", "caption", "credit", "alt"],
  embed: ["url"],
};

/**
 * Reduces an editor's JSON (Tiptap/ProseMirror) to our document shape: only the
 * attributes we keep, no empty attrs or content. Unknown node types are kept so
 * that validation refuses them with a message instead of dropping text silently.
 */
export function normalizeEditorDoc(input: unknown): unknown {
  const walk = (node: Json): Json => {
    const out: Json = { type: node.type };
    if (typeof node.text === "string") out.text = node.text;
    const keep = KEPT_ATTRS[String(node.type)];
    if (keep && node.attrs) {
      const attrs = Object.fromEntries(keep.filter((k) => node.attrs![k] != null && node.attrs![k] !== "").map((k) => [k, node.attrs![k]]));
      out.attrs = attrs;
    }
    if (Array.isArray(node.marks) && node.marks.length > 0) out.marks = node.marks.map(walk);
    if (Array.isArray(node.content) && node.content.length > 0) out.content = node.content.map(walk);
    return out;
  };
  if (typeof input !== "object" || input === null) return input;
  return walk(input as Json);
}
