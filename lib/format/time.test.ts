import { describe, expect, it } from "vitest";
import {
  formatTime,
  joinDeskLocal,
  parseDeskDateTime,
  parseDeskLocal,
  splitDeskLocal,
  utcToZonedLocal,
  zonedLocalToUtc,
  zoneLabel,
} from "./time";

describe("newsroom time zone conversion", () => {
  it("reads a datetime-local value as wall-clock time in the newsroom's zone", () => {
    expect(zonedLocalToUtc("2026-07-01T09:30", "Europe/London")?.toISOString()).toBe("2026-07-01T08:30:00.000Z");
    expect(zonedLocalToUtc("2026-12-01T09:30", "Europe/London")?.toISOString()).toBe("2026-12-01T09:30:00.000Z");
    expect(zonedLocalToUtc("2026-11-26T14:00", "America/New_York")?.toISOString()).toBe("2026-11-26T19:00:00.000Z");
  });

  it("round-trips through the input's value", () => {
    const date = new Date("2026-03-29T10:15:00Z");
    expect(zonedLocalToUtc(utcToZonedLocal(date, "Europe/Berlin"), "Europe/Berlin")?.toISOString()).toBe(date.toISOString());
  });

  it("refuses malformed input", () => {
    expect(zonedLocalToUtc("tomorrow", "UTC")).toBeNull();
    // Dates the calendar does not have are not rolled over into another day (a probe's 2026-12-99
    // was read as 2027-03-09, and 2026-02-31 as 3 March).
    for (const local of ["2026-12-99T10:00", "2026-02-31T10:00", "2026-13-01T10:00", "2026-12-01T24:00", "2026-12-01T10:60"])
      expect(zonedLocalToUtc(local, "Europe/Berlin"), local).toBeNull();
    expect(zonedLocalToUtc("2028-02-29T10:00", "UTC")?.toISOString()).toBe("2028-02-29T10:00:00.000Z");
    // A slip of the year is no time either (0026 was read as 1926).
    expect(zonedLocalToUtc("0026-12-01T10:00", "UTC")).toBeNull();
  });
});

describe("the desk's one time format", () => {
  it("writes times 24-hour in the newsroom's zone and names the zone", () => {
    const at = new Date("2026-12-02T21:42:00Z");
    expect(formatTime(at, "UTC")).toBe("21:42");
    expect(formatTime(at, "Europe/Kyiv")).toBe("23:42");
    expect(formatTime(new Date("2026-12-02T09:05:00Z"), "America/New_York")).toBe("04:05");
    expect(zoneLabel("Europe/Kyiv", at)).toBe("Europe/Kyiv (UTC+02:00)");
    expect(zoneLabel("America/New_York", at)).toBe("America/New York (UTC-05:00)");
  });

  it("reads a typed date and 24-hour time as wall-clock time in the zone, and says what is wrong", () => {
    expect(parseDeskDateTime("2026-12-02", "14:30", "Europe/Kyiv")).toEqual({ at: new Date("2026-12-02T12:30:00Z") });
    expect(parseDeskDateTime("2026-7-1", "9:05", "UTC")).toEqual({ at: new Date("2026-07-01T09:05:00Z") });
    expect(parseDeskDateTime("12/02/2026", "14:30", "UTC")).toEqual({ error: "Write the date as year-month-day, e.g. 2026-12-02." });
    expect(parseDeskDateTime("2026-02-30", "14:30", "UTC")).toEqual({ error: "That date does not exist." });
    expect(parseDeskDateTime("2026-12-02", "2:30 PM", "UTC")).toEqual({ error: "Write the time in 24-hour form, e.g. 14:30." });
    expect(parseDeskDateTime("2026-12-02", "24:00", "UTC")).toEqual({ error: "Write the time in 24-hour form, e.g. 14:30." });
    expect(parseDeskDateTime("2026-12-02", "14:30:15", "UTC")).toEqual({ at: new Date("2026-12-02T14:30:15Z") });
    expect(parseDeskDateTime("2026-12-02", "14:30:60", "UTC")).toEqual({ error: "Write the time in 24-hour form, e.g. 14:30." });
  });

  it("reads a desk time field's value, and splits and joins it as typed", () => {
    expect(parseDeskLocal("2026-12-02T14:30", "Europe/Kyiv")).toEqual({ at: new Date("2026-12-02T12:30:00Z") });
    expect(parseDeskLocal(" 2026-7-1T9:05 ", "UTC")).toEqual({ at: new Date("2026-07-01T09:05:00Z") });
    expect(parseDeskLocal("2026-12-02T", "UTC")).toEqual({ error: "Write the time in 24-hour form, e.g. 14:30." });
    expect(parseDeskLocal("", "UTC")).toEqual({ error: "Write the date as year-month-day, e.g. 2026-12-02." });
    expect(splitDeskLocal("2026-12-02T14:3")).toEqual(["2026-12-02", "14:3"]);
    expect(splitDeskLocal("2026-12")).toEqual(["2026-12", ""]);
    expect(joinDeskLocal("2026-12-02", "")).toBe("2026-12-02T");
    expect(joinDeskLocal("", "")).toBe("");
    expect(splitDeskLocal(joinDeskLocal("2026-T12", "9:05"))).toEqual(["2026-12", "9:05"]);
    // A whole value pasted into the date box goes into both boxes (the T was dropped: "2026-12-0214:30").
    expect(splitDeskLocal(joinDeskLocal("2026-12-02T14:30", "09:00"))).toEqual(["2026-12-02", "14:30"]);
    expect(splitDeskLocal(joinDeskLocal(" 2026-12-02 14:30:15", ""))).toEqual(["2026-12-02", "14:30:15"]);
  });
});
