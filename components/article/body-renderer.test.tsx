import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { bodySchema } from "@/lib/articles/body";
import { BodyRenderer } from "./body-renderer";

const render = (doc: unknown) => renderToStaticMarkup(<BodyRenderer body={bodySchema.parse(doc)} />);

describe("the body renderer", () => {
  it("renders every text node as text, never as HTML", () => {
    const html = render({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: `<script>alert("x")</script> & <img src=x onerror=alert(1)>` }] },
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "<b>not bold</b>" }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "“Quote” <i>" }] }] },
      ],
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('<h2 dir="auto">&lt;b&gt;not bold&lt;/b&gt;</h2>');
    expect(html).toContain('<blockquote><p dir="auto">“Quote” &lt;i&gt;</p></blockquote>');
  });

  it("renders marks and safe links as semantic HTML", () => {
    const html = render({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "bold", marks: [{ type: "bold" }] },
            { type: "text", text: " and " },
            {
              type: "text",
              text: "a link",
              marks: [{ type: "italic" }, { type: "link", attrs: { href: 'https://example.org/?a=1&b="2"' } }],
            },
          ],
        },
        {
          type: "orderedList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] }],
        },
      ],
    });
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<em><a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">a link</a></em>');
    expect(html).toContain('<ol><li dir="auto">one</li></ol>');
  });

  it("never receives unknown nodes or javascript: links, because the schema refuses them", () => {
    expect(bodySchema.safeParse({ type: "doc", content: [{ type: "iframe", attrs: { src: "https://evil.example" } }] }).success).toBe(
      false,
    );
    expect(
      bodySchema.safeParse({
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "JaVaScRiPt:alert(1)" } }] }] },
        ],
      }).success,
    ).toBe(false);
    expect(bodySchema.safeParse({ type: "doc", content: [{ type: "embed", attrs: { url: "data:text/html,<script>" } }] }).success).toBe(
      false,
    );
  });
});

describe("the dateline", () => {
  const doc = (...content: unknown[]) => bodySchema.parse({ type: "doc", content });
  const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

  it("leads the first paragraph with text, after any heading", () => {
    const html = renderToStaticMarkup(
      <BodyRenderer
        body={doc({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Live" }] }, p("Sirens sounded."), p("Later."))}
        dateline="KYIV, Ukraine"
      />,
    );
    expect(html).toBe(
      '<div class="article-body"><h2 dir="auto">Live</h2><p dir="auto"><span class="dateline" dir="auto">KYIV, Ukraine —</span> Sirens sounded.</p><p dir="auto">Later.</p></div>',
    );
  });

  it("stands alone when the body has no paragraph, and is escaped like any text", () => {
    const html = renderToStaticMarkup(<BodyRenderer body={doc()} dateline="<b>GAZA</b>" />);
    expect(html).toBe('<div class="article-body"><p dir="auto"><span class="dateline" dir="auto">&lt;b&gt;GAZA&lt;/b&gt;</span></p></div>');
  });
});
