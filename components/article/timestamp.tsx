import { formatDateTime } from "@/lib/format/time";

/** A machine-readable time shown in the newsroom's time zone. */
export function Timestamp({ date, label, timeZone }: { date: Date; label?: string; timeZone: string }) {
  return (
    <span className="timestamp">
      {label ? `${label} ` : null}
      <time dateTime={date.toISOString()}>{formatDateTime(date, timeZone)}</time>
    </span>
  );
}
