import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BodyRenderer } from "@/components/article/body-renderer";
import { bodyFromParagraphs, bodySchema, type BodyDoc } from "./body";
import { bodyToHtml } from "./body-html";
import type { Figure } from "./dto";

const HOSTILE = [
  `<script>alert("x")</script>`,
  `"><img src=x onerror=alert(1)>`,
  `' onmouseover='alert(1)`,
  "]]> &amp; &lt; &#x27;",
  "\u202Eevil\u202C émoji 👩🏽‍🚀 e\u0301",
];

const figure: Figure = {
  imageId: "photo-1",
  src: "/media/abc-1600.jpg",
  srcSize: { width: 1600, height: 900 },
  srcSet: { avif: "/media/abc-480.avif 480w", webp: "/media/abc-480.webp 480w", jpg: "/media/abc-480.jpg 480w, /media/abc-960.jpg 960w" },
  objectPosition: "50% 50%",
  width: 1600,
  height: 900,
  alt: HOSTILE[1]!,
  caption: HOSTILE[0]!,
  creditLine: `${HOSTILE[2]}/Agency & Co`,
  copyright: "",
  credentials: null,
};

const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const docs: unknown[] = [
  { type: "doc", content: [] },
  { type: "doc", content: HOSTILE.map((h) => ({ type: "paragraph", content: [text(h)] })) },
  {
    type: "doc",
    content: [
      { type: "paragraph" },
      { type: "paragraph", content: [text("a"), { type: "hardBreak" }, text("b", [{ type: "bold" }, { type: "italic" }])] },
      {
        type: "paragraph",
        content: [text(HOSTILE[0]!, [{ type: "italic" }, { type: "link", attrs: { href: `https://example.org/?a=1&b="2"'<x>` } }])],
      },
      { type: "heading", attrs: { level: 2 }, content: [text(HOSTILE[1]!)] },
      { type: "heading", attrs: { level: 3 }, content: [text("three")] },
      { type: "heading", attrs: { level: 4 }, content: [text("four")] },
      {
        type: "blockquote",
        content: [
          { type: "paragraph", content: [text("q1")] },
          { type: "paragraph", content: [text(HOSTILE[3]!)] },
        ],
      },
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              { type: "paragraph", content: [text("one")] },
              { type: "orderedList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text(HOSTILE[4]!)] }] }] },
            ],
          },
        ],
      },
      { type: "image", attrs: { imageId: "photo-1" } },
      { type: "image", attrs: { imageId: "missing" } },
      { type: "embed", attrs: { url: "https://example.org/embed?x=<y>&z='1'" } },
    ],
  },
];

describe("bodyToHtml", () => {
  it("writes byte for byte what the readers' renderer renders, hostile text included", () => {
    const figures = new Map([["photo-1", figure]]);
    for (const raw of docs) {
      const body: BodyDoc = bodySchema.parse(raw);
      expect(bodyToHtml(body, figures)).toBe(renderToStaticMarkup(<BodyRenderer body={body} figures={figures} />));
    }
  });

  it("leads the first paragraph with the dateline as readers see it, or sets it alone in a body without text", () => {
    const figures = new Map([["photo-1", figure]]);
    for (const raw of docs) {
      const body: BodyDoc = bodySchema.parse(raw);
      for (const dateline of ["KYIV, Ukraine", "<b>“Quoted” & hostile</b>", "  "]) {
        expect(bodyToHtml(body, figures, dateline)).toBe(
          renderToStaticMarkup(<BodyRenderer body={body} figures={figures} dateline={dateline} />),
        );
      }
    }
    const empty = bodySchema.parse({ type: "doc", content: [] });
    expect(bodyToHtml(empty, figures, "KYIV")).toBe(renderToStaticMarkup(<BodyRenderer body={empty} figures={figures} dateline="KYIV" />));
  });

  it("sets no dateline before a first paragraph that already opens with it, on the page and in the API (readers saw “BUCHA, Ukraine — BUCHA, Ukraine — …”)", () => {
    const opening = (text: string) => bodyFromParagraphs([text, "The second paragraph."]);
    const shown = (text: string, dateline: string) => {
      const body = opening(text);
      const html = renderToStaticMarkup(<BodyRenderer body={body} dateline={dateline} />);
      expect(bodyToHtml(body, new Map(), dateline)).toBe(html);
      return html.includes('class="dateline"');
    };
    // Typed into the body as writers and wire copy do: with a dash, an agency, a colon, any case.
    expect(shown("BUCHA, Ukraine — “We will not leave,” the mayor said.", "BUCHA, Ukraine")).toBe(false);
    expect(shown("Bucha,  Ukraine -- “We will not leave.”", "BUCHA, Ukraine")).toBe(false);
    expect(shown("BUCHA, Ukraine (AP) — The mayor said.", "BUCHA, Ukraine")).toBe(false);
    expect(shown("KYIV: The council met.", "KYIV")).toBe(false);
    // A first word that is only the same name is not a dateline.
    expect(shown("Kyiv residents woke to sirens.", "KYIV")).toBe(true);
    expect(shown("Kyiv’s mayor said.", "KYIV")).toBe(true);
    expect(shown("Kyiv-based investors said.", "KYIV")).toBe(true);
    expect(shown("“We will not leave,” the mayor said.", "BUCHA, Ukraine")).toBe(true);
  });

  it("writes a figure without caption or credit the same way too", () => {
    const bare = { ...figure, caption: "", creditLine: "" };
    const body = bodySchema.parse({ type: "doc", content: [{ type: "image", attrs: { imageId: "photo-1" } }] });
    const figures = new Map([["photo-1", bare]]);
    expect(bodyToHtml(body, figures)).toBe(renderToStaticMarkup(<BodyRenderer body={body} figures={figures} />));
  });

  it("writes a credit that has its own label ('Photo by …') without a second 'Photo:', the same way too", () => {
    const own = { ...figure, creditLine: "Photo by Roman Pilipey/Getty Images" };
    const body = bodySchema.parse({ type: "doc", content: [{ type: "image", attrs: { imageId: "photo-1" } }] });
    const figures = new Map([["photo-1", own]]);
    const html = bodyToHtml(body, figures);
    expect(html).toContain(`<span class="credit">Photo by Roman Pilipey/Getty Images</span>`);
    expect(html).toBe(renderToStaticMarkup(<BodyRenderer body={body} figures={figures} />));
  });

  it("writes the link to a photo's Content Credentials the same way too", () => {
    const credentials = {
      status: "trusted" as const,
      summary: "valid, signed by Northwind",
      reason: "",
      claimGenerator: "Camera",
      signer: "Northwind",
      signerName: "Northwind",
      signerOrg: "",
      signedAt: null,
      actions: [],
      ingredients: [],
      manifestCount: 1,
      path: `/photos/a"b<c>/credentials`,
    };
    const body = bodySchema.parse({ type: "doc", content: [{ type: "image", attrs: { imageId: "photo-1" } }] });
    for (const shown of [
      { ...figure, credentials },
      { ...figure, caption: "", creditLine: "", credentials },
    ]) {
      const figures = new Map([["photo-1", shown]]);
      const html = bodyToHtml(body, figures);
      expect(html).toContain(`class="content-credentials"`);
      expect(html).toBe(renderToStaticMarkup(<BodyRenderer body={body} figures={figures} />));
    }
  });
});
