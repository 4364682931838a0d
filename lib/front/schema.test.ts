import { describe, expect, it } from "vitest";
import { bannerIsUp } from "./schema";

describe("bannerIsUp", () => {
  const now = new Date("2026-12-04T12:00:00Z");
  it.each([
    [{ text: "Polls close at 10pm", expiresAt: new Date("2026-12-04T12:00:01Z") }, true],
    [{ text: "Polls close at 10pm", expiresAt: "2026-12-04T13:00:00.000Z" }, true],
    [{ text: "Polls close at 10pm", expiresAt: new Date("2026-12-04T12:00:00Z") }, false],
    [{ text: "Polls close at 10pm", expiresAt: new Date("2026-12-04T11:00:00Z") }, false],
    [{ text: "", expiresAt: new Date("2026-12-04T13:00:00Z") }, false],
    [{ text: "Polls close at 10pm", expiresAt: null }, false],
    [null, false],
  ])("%j is up: %s", (banner, up) => {
    expect(bannerIsUp(banner, now)).toBe(up);
  });
});
