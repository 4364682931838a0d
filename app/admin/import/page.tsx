import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { listImportRuns } from "@/lib/import/jobs";
import { formatDateTime } from "@/lib/format/time";
import { readSiteSettings } from "@/lib/settings/queries";
import { cancelledSentence } from "@/lib/import/report";
import { CANCELLABLE_STATUSES } from "@/lib/import/schema";
import { DataTable } from "@/components/admin/data-table";
import { CancelImportButton } from "./cancel-import-button";
import { ImportForm } from "./import-form";
import { ImportReportView } from "./report-view";

export const metadata: Metadata = { title: "Import" };

type Props = { searchParams: Promise<{ run?: string | string[] }> };

const STATUS_LABELS: Record<string, string> = {
  uploading: "Uploading",
  queued: "Waiting to start",
  running: "Running",
  cancelling: "Cancelling: it stops after the item it is on",
  done: "Done",
  cancelled: "Cancelled",
  failed: "Failed",
};

/** What the report of a run that has not ended whole is: the report so far, kept as it goes (lib/import/jobs.ts). */
const PARTIAL: Record<string, string> = {
  running: "The import is still running: this is its report so far.",
  cancelling: "The import is still running: this is its report so far.",
  failed: "The import failed: this is its report as far as it got. What it imported is kept.",
};

export default async function ImportPage({ searchParams }: Props) {
  await requirePermission("import.run", "/admin/import");
  const { run } = await searchParams;
  // `?run=a&run=b` gives a list: it names no one run.
  const shown = typeof run === "string" ? run : undefined;
  const [runs, { timeZone }] = await Promise.all([listImportRuns(20, shown), readSiteSettings()]);
  const selected = runs.find((r) => r.id === shown && r.report);
  return (
    <>
      <h1>Import from WordPress</h1>
      <p className="muted">
        Stories, categories, tags, bylines and photos come over; every old address answers with a permanent redirect to the new one. Running
        the same export again updates what changed and duplicates nothing. From a terminal:{" "}
        <code>npm run import:wordpress -- export.xml --uploads wp-content/uploads --as you@example.org</code>.
      </p>
      <ImportForm />
      {selected ? <ImportReportView report={selected.report!} partial={PARTIAL[selected.status]} /> : null}
      <h2>Earlier imports</h2>
      {runs.length ? (
        <DataTable>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">File</th>
              <th scope="col">Status</th>
              <th scope="col">Items</th>
              <th scope="col">Report</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const cancelled = run.status === "cancelled" ? run.report?.cancelled : undefined;
              return (
                <tr key={run.id}>
                  <td>{formatDateTime(run.createdAt, timeZone)}</td>
                  <td>{run.fileName}</td>
                  <td>
                    {cancelled ? cancelledSentence(cancelled) : (STATUS_LABELS[run.status] ?? run.status)}
                    {run.error ? `: ${run.error}` : ""}
                    {CANCELLABLE_STATUSES.includes(run.status) ? (
                      <>
                        {" "}
                        <CancelImportButton id={run.id} fileName={run.fileName} />
                      </>
                    ) : null}
                  </td>
                  <td>{run.processed}</td>
                  <td>
                    {run.hasReport ? (
                      <Link href={`/admin/import?run=${run.id}`}>{PARTIAL[run.status] ? "Show the report so far" : "Show the report"}</Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      ) : (
        <p className="muted">None yet.</p>
      )}
    </>
  );
}
