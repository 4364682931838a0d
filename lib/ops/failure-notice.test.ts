import { afterEach, describe, expect, it, vi } from "vitest";
import { FailureNotice } from "./failure-notice";

describe("a background task's failures in the log", () => {
  afterEach(() => vi.restoreAllMocks());

  it("are said once, then once a minute with their count, and the recovery once (a database outage wrote lines several times a second)", () => {
    const lines: Record<string, unknown>[] = [];
    const capture = (line: unknown) => void lines.push(JSON.parse(String(line)) as Record<string, unknown>);
    vi.spyOn(console, "error").mockImplementation(capture);
    vi.spyOn(console, "log").mockImplementation(capture);
    let now = 1_000_000;
    const notice = new FailureNotice({ failing: "could not poll", working: "polling again" }, () => now);
    // A minute of failures, four a second, and one more.
    for (let i = 0; i <= 240; i++) {
      notice.failed(new Error("connect ECONNREFUSED"));
      now += 250;
    }
    notice.succeeded();
    notice.succeeded();
    expect(lines.map((l) => [l.level, l.msg, l.failures])).toEqual([
      ["warn", "could not poll", 1],
      ["warn", "could not poll", 241],
      ["info", "polling again", 241],
    ]);
    expect(lines[0]).toMatchObject({ error: "Error: connect ECONNREFUSED" });
  });
});
