import { describe, expect, it } from "vitest";
import { createArticleSchema, updateArticleSchema } from "./schema";
import { createApiKeySchema } from "../apikeys/schema";
import { bodyFromParagraphs, bodySchema, bodyToText } from "./body";
import { invalidInput } from "../errors";

const base = { headline: "A headline", slug: "a-headline", body: bodyFromParagraphs(["Text."]) };

function fieldErrors(input: unknown) {
  const result = createArticleSchema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return invalidInput(result.error).fieldErrors!;
}

describe("createArticleSchema", () => {
  it("keeps a dek's line breaks but not a run of empty lines", () => {
    const parse = (dek: string) => createArticleSchema.parse({ ...base, dek }).dek;
    expect(parse("First line.\nSecond line.")).toBe("First line.\nSecond line.");
    expect(parse("One.\r\n\r\n\r\n\r\nTwo.  \n \n\n  Three.")).toBe("One.\n\nTwo.\n\nThree.");
  });

  it("counts a dek's length as stored, not with the empty lines a save drops", () => {
    const paragraph = "x".repeat(240);
    const padded = `${paragraph}${"\n \n".repeat(15)}${paragraph}`;
    expect(padded.trim().length).toBeGreaterThan(500);
    expect(createArticleSchema.parse({ ...base, dek: padded }).dek).toBe(`${paragraph}\n\n${paragraph}`);
    expect(fieldErrors({ ...base, dek: "y".repeat(501) }).dek).toEqual(["The dek can be at most 500 characters."]);
  });

  it("accepts a minimal story and fills defaults", () => {
    const data = createArticleSchema.parse(base);
    expect(data.sources).toEqual([]);
    expect(data.dek).toBe("");
  });

  it("refuses an empty headline and a malformed slug with messages at those fields", () => {
    const errors = fieldErrors({ ...base, headline: "  ", slug: "Not A Slug!" });
    expect(errors.headline).toEqual(["Write a headline."]);
    expect(errors.slug?.[0]).toMatch(/lower-case letters/);
  });

  it("refuses a source that is not http(s) and flags the same URL twice", () => {
    const errors = fieldErrors({
      ...base,
      sources: [
        { url: "https://example.org/report", title: "Report" },
        { url: "javascript:alert(1)", title: "Bad" },
        { url: "https://EXAMPLE.org/report/", title: "Same again" },
      ],
    });
    expect(errors["sources.1.url"]?.[0]).toMatch(/http:\/\/ or https:\/\//);
    expect(errors["sources.2.url"]).toEqual(["This URL is already source 1."]);
  });

  it("refuses javascript:, data: and vbscript: links in the body", () => {
    for (const href of ["javascript:alert(1)", "data:text/html,<script>", "vbscript:msgbox"]) {
      const body = {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }] }],
      };
      expect(bodySchema.safeParse(body).success, href).toBe(false);
    }
  });

  it("accepts mailto: links in the body", () => {
    const body = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "mailto:desk@example.org" } }] }],
        },
      ],
    };
    expect(bodySchema.safeParse(body).success).toBe(true);
  });

  it("refuses unknown nodes, unknown attributes and raw HTML nodes", () => {
    expect(bodySchema.safeParse({ type: "doc", content: [{ type: "html", html: "<script>alert(1)</script>" }] }).success).toBe(false);
    expect(bodySchema.safeParse({ type: "doc", content: [{ type: "paragraph", onclick: "x" }] }).success).toBe(false);
  });

  it("refuses a body over the size limit (2 MB of UTF-8, so Cyrillic counts double)", () => {
    const huge = bodyFromParagraphs(Array.from({ length: 150 }, () => "x".repeat(15_000)));
    const result = bodySchema.safeParse(huge);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("The story body is too long (over 2 MB).");
    expect(bodySchema.safeParse(bodyFromParagraphs(Array.from({ length: 100 }, () => "x".repeat(15_000)))).success).toBe(true);
    expect(bodySchema.safeParse(bodyFromParagraphs(Array.from({ length: 100 }, () => "ж".repeat(15_000)))).success).toBe(false);
  });
});

describe("messages for what is missing or malformed, never zod's own words", () => {
  it("names the version a save needs, however it is wrong", () => {
    for (const version of [undefined, "abc", 0, 1.5]) {
      const result = updateArticleSchema.safeParse({ ...base, id: "x", version });
      expect(result.success, String(version)).toBe(false);
      expect(invalidInput(result.error!).fieldErrors, String(version)).toEqual({
        version: ["Send the version of the story you started from: a whole number from 1."],
      });
    }
  });

  it("asks for the user an API key acts as when none was chosen (the form showed 'Invalid input: expected string')", () => {
    const result = createApiKeySchema.safeParse({ name: "Newsletter", scope: "READ" });
    expect(invalidInput(result.error!).fieldErrors).toEqual({ userId: ["Choose the user the key acts as."] });
  });
});

describe("bodyToText", () => {
  it("joins blocks, including list items and quotes, one per line", () => {
    const doc = bodySchema.parse({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "One " },
            { type: "text", text: "two", marks: [{ type: "bold" }] },
          ],
        },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "Quoted" }] }] },
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Item" }] }] }],
        },
      ],
    });
    expect(bodyToText(doc)).toBe("One two\nQuoted\nItem");
  });
});

describe("normalizeEditorDoc", () => {
  it("keeps our attributes and drops the editor's extras, so the result validates", async () => {
    const { normalizeEditorDoc } = await import("./body");
    const fromEditor = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2, id: "x" }, content: [{ type: "text", text: "Title" }] },
        {
          type: "orderedList",
          attrs: { start: 1, type: null },
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "One" }] }] }],
        },
        {
          type: "paragraph",
          content: [
            {
              type: "text",
              text: "Link",
              marks: [{ type: "link", attrs: { href: "https://example.org", target: "_blank", rel: "noopener", class: null } }],
            },
          ],
        },
        { type: "paragraph" },
      ],
    };
    const result = bodySchema.safeParse(normalizeEditorDoc(fromEditor));
    expect(result.success).toBe(true);
  });

  it("keeps unknown node types so that validation refuses them instead of silently dropping text", async () => {
    const { normalizeEditorDoc } = await import("./body");
    const result = bodySchema.safeParse(normalizeEditorDoc({ type: "doc", content: [{ type: "table", content: [] }] }));
    expect(result.success).toBe(false);
  });
});
