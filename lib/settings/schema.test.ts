import { describe, expect, it } from "vitest";
import { timeZoneNames } from "./schema";

describe("timeZoneNames", () => {
  // Node 20 lists Europe/Kiev and Asia/Calcutta, and accepts Europe/Kyiv and Asia/Kolkata: a menu
  // without the zone in use showed UTC, and saving the settings for the site's name stored UTC.
  it.each(["Europe/Kyiv", "Asia/Kolkata", "Asia/Kathmandu", "Europe/London", "UTC"])("offers the zone in use, %s, once", (zone) => {
    const names = timeZoneNames(zone);
    expect(names.filter((n) => n === zone)).toEqual([zone]);
    expect(names[0]).toBe("UTC");
    expect(new Set(names).size).toBe(names.length);
  });
});
