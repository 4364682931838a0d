import { WireStatus } from "../generated/prisma/enums";
import { hasAllowedScheme, WEB_SCHEMES } from "../security/urls";

/** Control characters (but tab and line breaks) never belong in copy: they are dropped, the rest stays text. */
export function clean(value: unknown, max = 2000): string {
  if (typeof value !== "string" && typeof value !== "number") return "";
  return String(value)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .trim()
    .slice(0, max);
}

/** A date the document gives (ISO 8601), or null. */
export function dateOf(value: unknown): Date | null {
  if (typeof value !== "string" || !value.trim()) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An integer 1–9 (urgency, priority) or null. */
export function rank(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 9 ? n : null;
}

/** A version number: a positive integer, else 1. */
export function versionOf(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 2_000_000_000 ? n : 1;
}

/** An http(s) address, or null (anything else an agency sends as a link is not followed). */
export function webLink(value: unknown): string | null {
  const text = clean(value, 2048);
  return text && hasAllowedScheme(text, WEB_SCHEMES) ? text : null;
}

/** ninjs pubstatus / NewsML-G2 pubStatus → the desk's status. */
export function statusOf(value: string): WireStatus {
  const v = value.toLowerCase().replace(/^.*:/, "");
  if (v === "canceled" || v === "cancelled" || v === "kill" || v === "killed") return WireStatus.KILLED;
  if (v === "withheld" || v === "withdrawn") return WireStatus.WITHDRAWN;
  return WireStatus.USABLE;
}

/** Plain text (paragraphs split by blank lines) as HTML the body converter reads. */
export function textToHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\r?\n/g, "<br>")}</p>`)
    .join("");
}

/** A copyright notice and usage terms as one sentence each: "© 2026 Getty Images. Editorial use only." */
export function joinRights(...parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (/[.!?]$/.test(p) ? p : `${p}.`))
    .join(" ");
}

/** A sentence or two of a caption, for alt text when the agency gives none. */
export function altFromCaption(caption: string): string {
  const first = /^(.+?[.!?])(\s|$)/.exec(caption)?.[1] ?? caption;
  return first.slice(0, 300);
}
