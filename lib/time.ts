import { env } from "./env";

/** The newsroom's time zone: every time shown to a person is in it; every time stored is UTC. */
export const newsroomTimeZone = () => env.DATELINE_TIMEZONE;

/** "26 November 2026, 14:05 GMT" in the newsroom's zone. */
export function formatDateTime(date: Date, timeZone = newsroomTimeZone()): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

/** "26 November 2026" in the newsroom's zone. */
export function formatDate(date: Date, timeZone = newsroomTimeZone()): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "long", year: "numeric" }).format(date);
}
