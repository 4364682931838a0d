import type { ImportReport } from "@/lib/import/wordpress/run";
import { quoted } from "@/lib/format/text";
import { cancelledSentence } from "@/lib/import/report";
import { DataTable } from "@/components/admin/data-table";

const KINDS = [
  ["stories", "Stories"],
  ["sections", "Sections"],
  ["tags", "Tags"],
  ["bylines", "Bylines"],
  ["photos", "Photos"],
] as const;

/**
 * An import's report: counts per type, how statuses and categories were mapped, what was skipped
 * and why. `partial` says why it is not whole (a run still going, or one that failed); such a
 * report does not count the old addresses kept, counted at the run's end.
 */
export function ImportReportView({ report, partial }: { report: ImportReport; partial?: string }) {
  return (
    <section className="card" aria-labelledby="import-report-heading">
      <h2 id="import-report-heading">Report: {report.source}</h2>
      {partial ? <p role="note">{partial}</p> : null}
      {report.cancelled ? <p role="note">{cancelledSentence(report.cancelled)}</p> : null}
      <DataTable>
        <caption className="muted">
          WXR {report.wxrVersion || "?"}.
          {partial ? null : ` Old addresses kept (each answers 308 where its record is public): ${report.counts.redirects}.`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Created</th>
            <th scope="col">Updated</th>
            <th scope="col">Unchanged</th>
            <th scope="col">Skipped</th>
          </tr>
        </thead>
        <tbody>
          {KINDS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{report.counts[key].created}</td>
              <td>{report.counts[key].updated}</td>
              <td>{report.counts[key].unchanged}</td>
              <td>{report.counts[key].skipped}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h3>WordPress statuses</h3>
      <ul>
        {Object.entries(report.statuses).map(([status, s]) => (
          <li key={status}>
            <strong>{status}</strong> ({s.count}): {s.became}
          </li>
        ))}
      </ul>
      <h3>Categories</h3>
      <ul>
        {report.sections.map((s) => (
          <li key={s.category}>
            <code>{s.category}</code> → {s.became}
          </li>
        ))}
      </ul>
      {report.rules.map((rule) => (
        <p key={rule} className="muted">
          {rule}
        </p>
      ))}
      <h3>Skipped ({report.skipped.length + report.more.skipped})</h3>
      {report.skipped.length ? (
        <ul>
          {report.skipped.map((s, i) => (
            <li key={i}>
              {s.kind} {s.id} {quoted(s.title)}: {s.reason}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing.</p>
      )}
      <h3>To check ({report.warnings.length + report.more.warnings})</h3>
      {report.warnings.length ? (
        <ul>
          {report.warnings.map((w, i) => (
            <li key={i}>
              {w.kind} {w.id} {quoted(w.title)}: {w.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing.</p>
      )}
    </section>
  );
}
