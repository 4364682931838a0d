// Every time shown to a person is in the newsroom's time zone (a setting, passed in); every time stored is UTC.

// Making an Intl.DateTimeFormat costs about 0.1 ms; a page shows a dozen times. One per zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, style: "date" | "dateTime"): Intl.DateTimeFormat {
  const key = `${style} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { timeZone, day: "numeric", month: "long", year: "numeric" };
    format = new Intl.DateTimeFormat(
      "en-GB",
      style === "date" ? options : { ...options, hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
    );
    formatters.set(key, format);
  }
  return format;
}

/** "26 November 2026, 14:05 GMT" in the newsroom's zone. */
export function formatDateTime(date: Date, timeZone: string): string {
  return formatter(timeZone, "dateTime").format(date);
}

/** "26 November 2026" in the newsroom's zone. */
export function formatDate(date: Date, timeZone: string): string {
  return formatter(timeZone, "date").format(date);
}

/**
 * A date kept without a time (a license's expiry, typed as a date and stored as that day's UTC
 * midnight), as it was typed: in the newsroom's zone it read a day early west of UTC.
 */
export function formatDateOnly(date: Date): string {
  return formatDate(date, "UTC");
}

/** The offset of `timeZone` from UTC at `date`, in minutes. */
function offsetMinutes(date: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return Math.round((asUtc - date.getTime()) / 60_000);
}

/** "2026-11-26T14:30" as wall-clock time in the newsroom's zone → the UTC instant. Null if malformed. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  // A newsroom's times are of this era: a year before 1970 is a typing slip (Date.UTC would read 0026 as 1926).
  if (year < 1970) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // A date the calendar does not have (2026-02-31, 2026-12-99) or a time past 23:59 is no time at
  // all: Date.UTC would roll it over into another day.
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59)
    return null;
  // Two passes settle the offset across a daylight-saving change.
  let guess = new Date(wall - offsetMinutes(new Date(wall), timeZone) * 60_000);
  guess = new Date(wall - offsetMinutes(guess, timeZone) * 60_000);
  return guess;
}

/** A UTC instant as the value of a datetime-local input in the newsroom's zone. */
export function utcToZonedLocal(date: Date, timeZone: string): string {
  const shifted = new Date(date.getTime() + offsetMinutes(date, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** The time a schedule field starts at: the story's scheduled time, or the next full hour. */
export function scheduleSuggestion(scheduledFor: string | null, now = new Date()): Date {
  if (scheduledFor) return new Date(scheduledFor);
  const next = new Date(now.getTime() + 3_600_000);
  next.setUTCMinutes(0, 0, 0);
  return next;
}

// The desk writes every time one way: 24-hour, in the newsroom's zone, with the zone named; dates
// are typed as 2026-12-02 (never 12/02/2026, which half the world reads as February).

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** "14:05" in the newsroom's zone, 24-hour. */
export function formatTime(date: Date, timeZone: string): string {
  let format = timeFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    timeFormatters.set(timeZone, format);
  }
  return format.format(date);
}

/** The zone as written next to a time a person enters: "Europe/Kyiv (UTC+02:00)". */
export function zoneLabel(timeZone: string, at = new Date()): string {
  const minutes = offsetMinutes(at, timeZone);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const offset = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${timeZone.replaceAll("_", " ")} (${offset})`;
}

/**
 * A date typed as "2026-12-02" and a 24-hour time typed as "14:00" (or "9:05", or "14:00:30"), as
 * wall-clock time in the newsroom's zone → the UTC instant. Null, with the reason, when either
 * cannot be read. Every time an editor types on the desk is read here (see DeskDateTime).
 */
export function parseDeskDateTime(date: string, time: string, timeZone: string): { at: Date } | { error: string } {
  const d = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(date);
  if (!d) return { error: "Write the date as year-month-day, e.g. 2026-12-02." };
  const t = /^\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*$/.exec(time);
  if (!t || +t[1]! > 23 || +t[2]! > 59 || +(t[3] ?? 0) > 59) return { error: "Write the time in 24-hour form, e.g. 14:30." };
  const [y, m, day] = [+d[1]!, +d[2]!, +d[3]!];
  const pad = (n: number) => String(n).padStart(2, "0");
  const at = zonedLocalToUtc(`${y}-${pad(m)}-${pad(day)}T${pad(+t[1]!)}:${pad(+t[2]!)}`, timeZone);
  return at ? { at: new Date(at.getTime() + Number(t[3] ?? 0) * 1000) } : { error: "That date does not exist." };
}

/** A desk time field's value, "2026-12-02T14:30" as typed, split into its date and its time. */
export function splitDeskLocal(local: string): [date: string, time: string] {
  const at = local.indexOf("T");
  return at < 0 ? [local, ""] : [local.slice(0, at), local.slice(at + 1)];
}

/** The value of a date and a time as typed: "" when both are empty. A whole value pasted into the date ("2026-12-02T14:30") is taken whole. */
export function joinDeskLocal(date: string, time: string): string {
  if (/^\s*\d{4}-\d{1,2}-\d{1,2}[T ]\d/i.test(date)) return date.trim().replace(/\s+|t/, "T");
  const day = date.replace(/T/gi, "");
  return day || time ? `${day}T${time}` : "";
}

/** A desk time field's value ("2026-12-02T14:30", as DeskDateTime writes it) → the UTC instant, or why not. */
export function parseDeskLocal(local: string, timeZone: string): { at: Date } | { error: string } {
  return parseDeskDateTime(...splitDeskLocal(local.trim()), timeZone);
}
