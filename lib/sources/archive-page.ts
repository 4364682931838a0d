import { htmlEscape } from "../format/text";
import crypto from "node:crypto";
import { formatDateTime } from "../format/time";

/** An archived copy as its page shows it (lib/sources/queries.ts getArchivedCopy). */
export type ArchivePageCopy = {
  url: string;
  finalUrl: string | null;
  httpStatus: number | null;
  contentType: string | null;
  sha256: string | null;
  bytes: number | null;
  title: string | null;
  text: string | null;
  fetchedAt: Date;
};

const ARCHIVE_CSS = `
:root{color-scheme:light dark;font-family:Georgia,"Times New Roman",serif;line-height:1.6}
body{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 4rem;color:#1b1b1b;background:#fff}
header{border:2px solid #8a5a00;background:#fff8e6;padding:1rem 1.25rem;margin-bottom:2rem;font-family:system-ui,sans-serif;font-size:.95rem}
header .label{margin:0;font-weight:700;text-transform:uppercase;letter-spacing:.04em;font-size:.8rem;color:#6b4500}
h1{font-size:1.5rem;line-height:1.25;margin:.4rem 0 .8rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.note{margin:.8rem 0 0;color:#444}
main p{margin:0 0 1rem}
a{color:#0b4f9c}
@media (prefers-color-scheme:dark){body{background:#141414;color:#eee}header{background:#2a2110;border-color:#c8962e}header .label{color:#f0c060}.note{color:#bbb}a{color:#8ab8ff}}
`.trim();

/**
 * The archive page's policy: a sandbox (no scripts, no forms, no plugins, an opaque origin, so it
 * can read no cookie or storage of any site), nothing loaded from anywhere, its one stylesheet
 * allowed by hash, and no page may frame it. The third party's scripts and styles never reach
 * the page at all: only its words do.
 */
export const ARCHIVE_CSP = [
  "sandbox",
  "default-src 'none'",
  `style-src 'sha256-${crypto.createHash("sha256").update(ARCHIVE_CSS).digest("base64")}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Only http(s) addresses become links; anything else is shown as text. */
const link = (url: string) =>
  /^https?:\/\//i.test(url) ? `<a href="${htmlEscape(url)}" rel="noopener noreferrer nofollow">${htmlEscape(url)}</a>` : htmlEscape(url);

function describeAnswer(copy: ArchivePageCopy): string {
  return [
    copy.httpStatus !== null ? `HTTP ${copy.httpStatus}` : "",
    copy.contentType ? copy.contentType.split(";")[0]!.trim() : "",
    copy.bytes !== null ? `${(copy.bytes / 1000).toLocaleString("en-GB", { maximumFractionDigits: 1 })} kB` : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

/**
 * The whole page of an archived copy: what was fetched, from where, when (in the newsroom's zone),
 * and its readable text as plain paragraphs. Everything from the source is escaped text.
 */
export function renderArchivePage(copy: ArchivePageCopy, siteName: string, timeZone: string): string {
  const heading = copy.title || copy.url;
  const paragraphs = copy.text
    ? copy.text
        .split("\n\n")
        .map((p) => `<p dir="auto">${htmlEscape(p)}</p>`)
        .join("\n")
    : `<p><em>This source is a ${htmlEscape(copy.contentType?.split(";")[0] ?? "file")} with no text to show here. ${htmlEscape(siteName)} keeps the file as it was received.</em></p>`;
  const moved = copy.finalUrl && copy.finalUrl !== copy.url;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, noarchive"><meta name="referrer" content="no-referrer">
<title>Archived copy: ${htmlEscape(heading)}</title><style>${ARCHIVE_CSS}</style></head>
<body><header>
<p class="label">Archived copy kept by ${htmlEscape(siteName)}</p>
<h1 dir="auto">${htmlEscape(heading)}</h1>
<dl>
<dt>Original address</dt><dd>${link(copy.url)}</dd>
${moved ? `<dt>Address after redirects</dt><dd>${link(copy.finalUrl!)}</dd>\n` : ""}<dt>Captured</dt><dd><time datetime="${copy.fetchedAt.toISOString()}">${htmlEscape(formatDateTime(copy.fetchedAt, timeZone))}</time></dd>
<dt>Answer</dt><dd>${htmlEscape(describeAnswer(copy))}</dd>
${copy.sha256 ? `<dt>SHA-256</dt><dd><code>${copy.sha256}</code></dd>\n` : ""}</dl>
<p class="note">The text of the page as it was when captured, without its pictures, scripts or styles. The page itself may have changed or gone since.</p>
</header>
<main>
${paragraphs}
</main></body></html>`;
}
