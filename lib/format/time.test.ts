import { describe, expect, it } from "vitest";
import { utcToZonedLocal, zonedLocalToUtc } from "./time";

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
  });
});
