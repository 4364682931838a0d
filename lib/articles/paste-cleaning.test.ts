// @vitest-environment happy-dom
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getSchema } from "@tiptap/core";
import { DOMParser as PMDOMParser } from "@tiptap/pm/model";
import { bodyExtensions } from "@/app/admin/articles/_editor/body-extensions";
import { bodySchema, normalizeEditorDoc } from "./body";
import { cleanPastedHtml } from "./paste-cleaning";

// Clipboard HTML as Word 2016 (Windows) and Google Docs (Chrome) put it on the clipboard: Word's
// XML, style sheet, conditional comments, mso-list paragraphs and Ignore spans; Docs' bold
// wrapper, styled spans and nested lists beside their items. Both hold the same story.
const sample = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "paste-samples", name), "utf8");

/** What the editor makes of a paste: clean, then parse with the body editor's own schema. */
function pasteIntoEditor(html: string) {
  const schema = getSchema(bodyExtensions);
  const dom = new DOMParser().parseFromString(`<body>${cleanPastedHtml(html)}</body>`, "text/html").body;
  return normalizeEditorDoc(PMDOMParser.fromSchema(schema).parse(dom).toJSON()) as { type: "doc"; content: unknown[] };
}

const text = (t: string, marks?: string[]) => ({ type: "text", text: t, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
const item = (t: string, nested?: object) => ({
  type: "listItem",
  content: [{ type: "paragraph", content: [text(t)] }, ...(nested ? [nested] : [])],
});

describe("pasting from Word and Google Docs", () => {
  for (const [name, intro] of [
    ["word-2016-windows.html", "KYIV, Ukraine \u2014 The convoy reached the city before dawn, "],
    ["google-docs-chrome.html", "The convoy arrived, "],
  ] as const) {
    it(`keeps headings, bold, italic, lists and links from ${name} and drops everything else`, () => {
      const doc = pasteIntoEditor(sample(name));
      expect(bodySchema.safeParse(doc).success).toBe(true);
      const blocks = doc.content as { type: string; attrs?: unknown; content?: unknown[] }[];
      expect(blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "heading", "bulletList", "orderedList", "paragraph"]);
      expect(blocks[0]).toEqual({ type: "heading", attrs: { level: 2 }, content: [text("Convoy reaches Kharkiv")] });
      const para = blocks[1]!.content as { text: string; marks?: { type: string; attrs?: { href: string } }[] }[];
      expect(para[0]).toEqual(text(intro.replace(/\s+/g, " ")));
      expect(para.find((n) => n.text === "officials said")?.marks).toEqual([{ type: "bold" }]);
      expect(para.find((n) => n.text === "witnesses")?.marks).toEqual([{ type: "italic" }]);
      expect(para.find((n) => n.text === "the agency")?.marks).toEqual([{ type: "link", attrs: { href: "https://example.org/report" } }]);
      expect(blocks[2]).toMatchObject({ type: "heading", attrs: { level: 3 } });
      expect(blocks[3]).toEqual({
        type: "bulletList",
        content: [item("Medicine", { type: "bulletList", content: [item("Insulin")] }), item("Water")],
      });
      expect(blocks[4]).toEqual({ type: "orderedList", content: [item("First stop"), item("Second stop")] });
      // Colours, fonts, underline, pasted images and a javascript: link leave only their text.
      const last = blocks[5]!.content as { type: string; text: string; marks?: unknown }[];
      expect(last.map((n) => n.text).join("")).toMatch(/^Coloured text/);
      expect(last.every((n) => n.type === "text" && !n.marks)).toBe(true);
      expect(JSON.stringify(last)).not.toMatch(/javascript|clip_image|googleusercontent/);
      expect(JSON.stringify(doc)).not.toMatch(/mso|Calibri|docs-internal|style/);
    });
  }

  it("does not make a whole Google Docs paste bold because of its wrapper", () => {
    const doc = pasteIntoEditor(sample("google-docs-chrome.html"));
    const heading = doc.content[0] as { content: { marks?: unknown }[] };
    expect(heading.content[0]!.marks).toBeUndefined();
  });
});

describe("copying inside the desk's editor", () => {
  it("keeps a body photo, with what the story says of it, when it is copied and pasted", async () => {
    const { DOMSerializer, Node: PMNode } = await import("@tiptap/pm/model");
    const schema = getSchema(bodyExtensions);
    const photo = { imageId: "c0ffee", caption: "The harbour road in January.", credit: null, alt: "A flooded road." };
    const doc = PMNode.fromJSON(schema, {
      type: "doc",
      content: [
        { type: "paragraph", content: [text("Before.")] },
        { type: "image", attrs: photo },
      ],
    });
    // What the editor puts on the clipboard: its own rendering of the nodes.
    const holder = document.createElement("div");
    holder.appendChild(DOMSerializer.fromSchema(schema).serializeFragment(doc.content, { document }));
    const pasted = pasteIntoEditor(holder.innerHTML);
    expect(pasted.content).toContainEqual({
      type: "image",
      attrs: { imageId: "c0ffee", caption: "The harbour road in January.", alt: "A flooded road." },
    });
    expect(JSON.stringify(pasted)).not.toContain("Photo from the library");
  });
});
