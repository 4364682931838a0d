import type { ImportReport } from "./wordpress/run";
import { quoted } from "../format/text";

/** How far a cancelled import got, for its report and the audit log: "after 0 of 1 post", "after 2 of 3 posts". */
export const afterPosts = (after: number, of: number) => `after ${after} of ${of} ${of === 1 ? "post" : "posts"}`;

/** What the report of a cancelled import says first. */
export function cancelledSentence(cancelled: NonNullable<ImportReport["cancelled"]>): string {
  if (cancelled.of === 0) return `Cancelled by ${cancelled.by}; the export has no posts, and what was imported stays.`;
  return `Cancelled by ${cancelled.by} ${afterPosts(cancelled.after, cancelled.of)}; what was imported stays.`;
}

/** What the report of an import says of a cancel that came after its last post (it is done, and whole). */
export const cancelTooLateMessage = (by: string) =>
  `${by} cancelled it after its last post: the import had finished, and all of this report was imported.`;

/** The report as plain text, for the command line (the admin screen shows the same facts). */
export function reportText(report: ImportReport): string {
  const lines: string[] = [];
  const c = report.counts;
  const row = (name: string, k: keyof Omit<ImportReport["counts"], "redirects">) =>
    `  ${name.padEnd(10)} ${String(c[k].created).padStart(6)} created ${String(c[k].updated).padStart(6)} updated ${String(c[k].unchanged).padStart(6)} unchanged ${String(c[k].skipped).padStart(6)} skipped`;
  lines.push(`WordPress import of ${report.source} (WXR ${report.wxrVersion || "?"})`);
  if (report.cancelled) lines.push(cancelledSentence(report.cancelled));
  lines.push(
    row("Stories", "stories"),
    row("Sections", "sections"),
    row("Tags", "tags"),
    row("Bylines", "bylines"),
    row("Photos", "photos"),
  );
  lines.push(`  Old addresses kept (each answers 308 where its record is public): ${c.redirects}`);
  lines.push("", "Post statuses:");
  for (const [status, s] of Object.entries(report.statuses)) lines.push(`  ${status}: ${s.count} → ${s.became}`);
  lines.push("", "Categories:");
  for (const s of report.sections) lines.push(`  ${s.category} → ${s.became}`);
  for (const rule of report.rules) lines.push(`  (${rule})`);
  if (report.skipped.length) {
    lines.push("", `Skipped (${report.skipped.length + report.more.skipped}):`);
    for (const s of report.skipped) lines.push(`  ${s.kind} ${s.id} ${quoted(s.title)}: ${s.reason}`);
  }
  if (report.warnings.length) {
    lines.push("", `To check (${report.warnings.length + report.more.warnings}):`);
    for (const w of report.warnings) lines.push(`  ${w.kind} ${w.id} ${quoted(w.title)}: ${w.message}`);
  }
  return lines.join("\n");
}
