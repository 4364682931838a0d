import type { WireStatus } from "../generated/prisma/enums";
import { formatDateTime } from "../format/time";

/** What a story taken from a wire item carries of it, for the publish rule (safe for client components). */
export type WireFacts = { agency: string; embargoAt: Date | string | null; status: WireStatus } | null;

/**
 * When a story from an embargoed item may go live: the embargo's end, rounded up to the whole
 * minute, as the desk schedules by the minute (an embargo ending at 18:47:30 is met at 18:48,
 * never a second before its end).
 */
export function embargoEnd(embargoAt: Date | string): Date {
  const end = new Date(embargoAt);
  return new Date(Math.ceil(end.getTime() / 60_000) * 60_000);
}

/**
 * What a wire story still lacks before it may go live at `goLiveAt` (now, or the time it is
 * scheduled for): the agency's embargo must have ended, and the agency must not have killed or
 * withdrawn the item. publishProblems (lib/articles/workflow.ts) adds these to its list, so the
 * editor's checklist and the one publish path refuse the same things. The embargo's end is named in
 * the newsroom's `timeZone`, as every time on the desk is.
 */
export function wireProblems(wire: WireFacts, goLiveAt: Date, timeZone = "UTC"): string[] {
  if (!wire) return [];
  const problems: string[] = [];
  const embargo = wire.embargoAt ? embargoEnd(wire.embargoAt) : null;
  if (embargo && embargo > goLiveAt) problems.push(`the end of ${wire.agency}'s embargo (${formatDateTime(embargo, timeZone)})`);
  if (wire.status === "KILLED") problems.push(`a wire item ${wire.agency} has not killed`);
  if (wire.status === "WITHDRAWN") problems.push(`a wire item ${wire.agency} has not withdrawn`);
  return problems;
}

/**
 * Why a story's copy may not be shown outside the newsroom (a draft link), or null: the agency
 * killed or withdrew the wire item it was taken from (often for legal reasons).
 */
export function killedWireCopy(wire: WireFacts): string | null {
  if (!wire || wire.status === "USABLE") return null;
  return `${wire.agency} ${wire.status === "KILLED" ? "killed" : "withdrew"} the wire item this story was taken from: its copy may not be shown to anyone outside the newsroom.`;
}

/** The warning the desk shows on a story whose wire item the agency killed or withdrew. */
export function wireWarning(wire: WireFacts): string | null {
  if (!wire || wire.status === "USABLE") return null;
  return `${wire.agency} ${wire.status === "KILLED" ? "killed" : "withdrew"} the wire item this story was taken from. Do not publish it; if it is live, unpublish or correct it.`;
}
