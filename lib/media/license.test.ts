import { describe, expect, it } from "vitest";
import { licenseDateToday, licenseExpired, licenseRunsOutAt } from "./license";
import { imageMetadataSchema } from "./schema";

describe("a photo license's end", () => {
  it("is the midnight that ends its date in the newsroom's zone, daylight saving included", () => {
    expect(licenseRunsOutAt(new Date("2026-12-05"), "America/New_York")).toEqual(new Date("2026-12-06T05:00:00Z"));
    expect(licenseRunsOutAt(new Date("2026-07-05"), "America/New_York")).toEqual(new Date("2026-07-06T04:00:00Z"));
    expect(licenseRunsOutAt(new Date("2026-12-05"), "Europe/Kyiv")).toEqual(new Date("2026-12-05T22:00:00Z"));
    expect(licenseRunsOutAt(new Date("2026-12-05"), "UTC")).toEqual(new Date("2026-12-06T00:00:00Z"));
    // A midnight the clocks skip (Santiago goes from 23:59 on 5 September 2026 to 01:00): the 6th starts at 01:00 there.
    expect(licenseRunsOutAt(new Date("2026-09-05"), "America/Santiago")).toEqual(new Date("2026-09-06T04:00:00Z"));
  });

  it("agrees with the expiry check on either side of that instant, for a date sent with a time of day too", () => {
    for (const zone of ["America/New_York", "Europe/Kyiv", "Asia/Kolkata", "Pacific/Auckland", "America/Santiago"]) {
      for (const expiresAt of [new Date("2026-12-05"), new Date("2026-12-05T15:30:00Z"), new Date("2026-09-05")]) {
        const end = licenseRunsOutAt(expiresAt, zone).getTime();
        expect(licenseExpired(expiresAt, new Date(end - 1), zone)).toBe(false);
        expect(licenseExpired(expiresAt, new Date(end), zone)).toBe(true);
      }
    }
    expect(licenseExpired(null, new Date(), "UTC")).toBe(false);
  });

  it("reads today's date where the newsroom is", () => {
    expect(licenseDateToday(new Date("2026-12-05T03:00:00Z"), "America/New_York")).toEqual(new Date("2026-12-04"));
    expect(licenseDateToday(new Date("2026-12-05T23:00:00Z"), "Europe/Kyiv")).toEqual(new Date("2026-12-06"));
  });

  it("keeps the date written in a value sent with a time and an offset, not the UTC day of that instant", () => {
    const date = (licenseExpiresAt: unknown) => imageMetadataSchema.parse({ licenseExpiresAt }).licenseExpiresAt;
    expect(date("2026-12-05")).toEqual(new Date("2026-12-05T00:00:00Z"));
    expect(date("2026-12-05T23:00:00-05:00")).toEqual(new Date("2026-12-05T00:00:00Z"));
    expect(date(" 2026-12-05T01:00:00+09:00")).toEqual(new Date("2026-12-05T00:00:00Z"));
    expect(date(null)).toBeNull();
    expect(imageMetadataSchema.safeParse({ licenseExpiresAt: "not a date" }).success).toBe(false);
  });
});
