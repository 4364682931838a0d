import { describe, expect, it } from "vitest";
import { ARCHIVE_CSP, renderArchivePage } from "./archive-page";

const base = {
  url: "https://example.org/statement",
  finalUrl: "https://example.org/statement",
  httpStatus: 200,
  contentType: "text/html; charset=utf-8",
  sha256: "a".repeat(64),
  bytes: 1234,
  fetchedAt: new Date("2026-12-01T14:02:00Z"),
};

describe("the archive page", () => {
  it("shows hostile text from the source as text, never as markup", () => {
    const html = renderArchivePage(
      {
        ...base,
        url: 'javascript:alert(1)//"><script>',
        finalUrl: 'https://example.org/a"onmouseover="x',
        title: "</title><script>alert(1)</script>",
        text: "<img src=x onerror=alert(1)>\n\nSecond & last <b>paragraph</b>",
      },
      "The <Dateline>",
      "Europe/London",
    );
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('<p dir="auto">Second &amp; last &lt;b&gt;paragraph&lt;/b&gt;</p>');
    expect(html).toContain('href="https://example.org/a&quot;onmouseover=&quot;x"');
    expect(html).toContain("Archived copy kept by The &lt;Dateline&gt;");
  });

  it("says where and when the copy was made, in the newsroom's zone", () => {
    const html = renderArchivePage({ ...base, title: "Statement", text: "One.\n\nTwo." }, "The Dateline", "Europe/London");
    expect(html).toContain('<time datetime="2026-12-01T14:02:00.000Z">');
    expect(html).toContain("HTTP 200 · text/html · 1.2 kB");
    expect(html).toMatch(/<p dir="auto">One\.<\/p>\s*<p dir="auto">Two\.<\/p>/);
  });

  it("runs in a sandbox that loads nothing and allows only its own stylesheet", () => {
    expect(ARCHIVE_CSP).toMatch(
      /^sandbox; default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    );
  });
});
