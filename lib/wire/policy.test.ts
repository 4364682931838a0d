import { describe, expect, it } from "vitest";
import { embargoEnd, wireProblems, type WireFacts } from "./policy";

const embargoed = (embargoAt: string, status: "USABLE" | "KILLED" | "WITHDRAWN" = "USABLE"): WireFacts => ({
  agency: "Northern Wire",
  embargoAt,
  status,
});

describe("wireProblems", () => {
  it.each([
    // The embargo's end is named in the newsroom's time, as every other time on the desk is (a probe
    // in Kathmandu read the local time and UTC in one line).
    [
      "2030-01-15T06:00:00Z",
      "2030-01-15T05:59:00Z",
      "Asia/Kathmandu",
      ["the end of Northern Wire's embargo (15 January 2030 at 11:45 GMT+5:45)"],
    ],
    [
      "2030-01-15T06:00:00Z",
      "2030-01-15T05:59:00Z",
      "America/New_York",
      ["the end of Northern Wire's embargo (15 January 2030 at 01:00 GMT-5)"],
    ],
    ["2030-07-15T06:00:00Z", "2030-07-15T05:59:00Z", "Europe/London", ["the end of Northern Wire's embargo (15 July 2030 at 07:00 BST)"]],
    ["2030-01-15T06:00:00Z", "2030-01-15T05:59:00Z", undefined, ["the end of Northern Wire's embargo (15 January 2030 at 06:00 UTC)"]],
    // Met at the next whole minute, and named so.
    ["2030-01-15T06:00:30Z", "2030-01-15T06:00:00Z", "UTC", ["the end of Northern Wire's embargo (15 January 2030 at 06:01 UTC)"]],
    ["2030-01-15T06:00:30Z", "2030-01-15T06:01:00Z", "UTC", []],
    ["2030-01-15T06:00:00Z", "2030-01-15T06:00:00Z", "UTC", []],
  ])("embargo until %s, going live at %s, in %s", (embargoAt, goLiveAt, timeZone, problems) => {
    expect(wireProblems(embargoed(embargoAt), new Date(goLiveAt), timeZone)).toEqual(problems);
  });

  it("a kill or withdrawal holds the story whatever the time", () => {
    const later = new Date("2031-01-01T00:00:00Z");
    expect(wireProblems(embargoed("2030-01-15T06:00:00Z", "KILLED"), later)).toEqual(["a wire item Northern Wire has not killed"]);
    expect(wireProblems(embargoed("2030-01-15T06:00:00Z", "WITHDRAWN"), later)).toEqual(["a wire item Northern Wire has not withdrawn"]);
    expect(wireProblems(null, later)).toEqual([]);
  });

  it("embargoEnd rounds up to the whole minute, never earlier", () => {
    expect(embargoEnd("2030-01-15T06:00:00Z").toISOString()).toBe("2030-01-15T06:00:00.000Z");
    expect(embargoEnd("2030-01-15T06:00:00.001Z").toISOString()).toBe("2030-01-15T06:01:00.000Z");
  });
});
