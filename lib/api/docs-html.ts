import { htmlEscape } from "../format/text";
import { OPERATIONS, type Operation } from "./openapi";
import { problemType } from "./problem";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS } from "../webhooks/events";

const esc = htmlEscape;
const code = (s: string) => `<code>${esc(s)}</code>`;
const md = (s: string) => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");

const KEY_TEXT: Record<NonNullable<Operation["key"]>, string> = {
  read: "API key with read scope.",
  write: "API key with <strong>read and write</strong> scope.",
  wire: "API key of the <strong>WIRE</strong> scope only (a read or read and write key gets 403).",
};

/** The API's reference page: every operation from the same table as the OpenAPI document, server-rendered, no scripts. */
export function apiDocsHtml(siteName: string): string {
  const tags = [...new Set(OPERATIONS.map((o) => o.tag))];
  const sections = tags
    .map((tag) => {
      const ops = OPERATIONS.filter((o) => o.tag === tag)
        .map(
          (o) => `<section class="op" id="${esc(o.id)}">
  <h3><span class="method ${o.method}">${o.method.toUpperCase()}</span> ${code(o.path)}</h3>
  <p><strong>${esc(o.summary)}.</strong> ${o.description ? md(o.description) : ""}</p>
  <p>${o.key ? KEY_TEXT[o.key] : "Open: no key. Cached (ETag, Cache-Control, Surrogate-Key); CORS for any origin."}</p>
  ${o.query ? `<p>Query: ${Object.keys(o.query.shape).map(code).join(", ")}</p>` : ""}
  ${o.body ? `<p>Body (${o.body.type === "multipart" ? "multipart/form-data" : "JSON"}): see ${code(`components.schemas`)} in the document.</p>` : ""}
  <p>Answers ${code(String(o.ok.status))}${o.errors.length ? `; also ${o.errors.map((s) => code(String(s))).join(", ")}` : ""}.</p>
</section>`,
        )
        .join("\n");
      return `<h2>${esc(tag)}</h2>\n${ops}`;
    })
    .join("\n");
  const problems = [
    "unauthorized",
    "forbidden",
    "not_found",
    "gone",
    "conflict",
    "invalid",
    "locked",
    "busy",
    "unavailable",
    "storage_full",
    "error",
  ]
    .map((c) => `<li id="${esc(problemType(c as never).split("#")[1]!)}">${code(c)}</li>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · ${esc(siteName)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
code{background:#f3f3f3;padding:0 .25rem;border-radius:3px;overflow-wrap:anywhere}
.op{border-top:1px solid #ddd;padding:.5rem 0}
.method{display:inline-block;min-width:3.5rem;font-size:.8em;padding:.1rem .4rem;border-radius:3px;color:#fff;background:#2b5d9c}
.method.post{background:#1d6b32}.method.put{background:#8a5a00}
</style></head><body><main>
<h1>${esc(siteName)} content API</h1>
<p>The machine-readable description is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Published content is open; the desk’s endpoints need an API key an admin makes at <code>/admin/api-keys</code>, sent as ${code("Authorization: Bearer dl_…")}. A key acts as its user: it can do exactly what that user can do on the desk.</p>
<p>Errors are RFC 9457 problem documents (${code("application/problem+json")}) with the desk’s messages per field in ${code("errors")}; a version conflict names who saved in between (${code("savedBy")}, ${code("savedAt")}). Too many requests: ${code("429")} with ${code("Retry-After")}. Any operation may also answer ${code("503")} (the database is busy: try again after ${code("Retry-After")}; or the photo store cannot be used, ${code("unavailable")}), ${code("507")} (the server is out of disk space; a write is not made) or ${code("405")} (a method the address does not take; ${code("Allow")} lists those it does).</p>
${sections}
<h2>Webhooks</h2>
<p>Admins add webhooks at <code>/admin/webhooks</code>. Events: ${WEBHOOK_EVENTS.map((e) => `${code(e)} (${esc(WEBHOOK_EVENT_LABELS[e])})`).join(", ")}. Each is a JSON POST with ${code('Dateline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">')}, keyed with the webhook’s secret; reject a timestamp older than five minutes. ${code("Dateline-Event")} names the event and ${code("Dateline-Delivery")} the delivery. Delivery is at least once: an answer other than 2xx within ten seconds is tried again with growing waits for a day, in order per story, so the same event may arrive twice; its body’s ${code("id")} stays the same across those tries and is what to deduplicate on. The body names the story (with its headline and ${code("language")}, its own or the newsroom’s) or photo, and its ${code("apiUrl")}: fetch the rest from there; ${code("story.corrected")} also carries the ${code("correction")} (its kind, text and time), and a save that moved a live story’s address (its slug or section) carries ${code("story.previousPath")} and ${code("story.previousUrl")}, the old address, which now answers ${code("308")}. A story that was taken down answers ${code("410")} there (a story that never ran is ${code("404")}).</p>
<h2>Problem types</h2><ul>${problems}</ul>
</main></body></html>`;
}
