import { formatDateTime } from "@/lib/format/time";

/** A machine-readable time shown in the newsroom's time zone, in English (also inside a story in another language). */
export function Timestamp({ date, label, timeZone }: { date: Date; label?: string; timeZone: string }) {
  return (
    <span className="timestamp" lang="en">
      {label ? `${label} ` : null}
      <time dateTime={date.toISOString()}>{formatDateTime(date, timeZone)}</time>
    </span>
  );
}
