import { describe, expect, it } from "vitest";
import { accessLogLevel, type AnswerEnded } from "./access-log";

const read = (over: Partial<AnswerEnded> = {}): AnswerEnded => ({
  method: "GET",
  path: "/politics",
  status: 200,
  headersSent: true,
  finished: true,
  ...over,
});

describe("the access log's level", () => {
  it("keeps reads at debug, and a read whose reader left once the page had begun to arrive (every page closed mid-stream was an info line)", () => {
    expect(accessLogLevel(read())).toBe("debug");
    expect(accessLogLevel(read({ method: "HEAD" }))).toBe("debug");
    expect(accessLogLevel(read({ status: 404 }))).toBe("debug");
    expect(accessLogLevel(read({ path: "/admin/articles/abc", finished: false }))).toBe("debug");
  });

  it("writes at info what an operator looks for: writes, server errors, and answers that ended before their headers", () => {
    expect(accessLogLevel(read({ method: "POST", path: "/admin/articles/abc" }))).toBe("info");
    expect(accessLogLevel(read({ method: "DELETE", path: "/api/admin/articles/abc/presence", headersSent: false, finished: false }))).toBe(
      "info",
    );
    expect(accessLogLevel(read({ status: 500 }))).toBe("info");
    expect(accessLogLevel(read({ status: 502, finished: false }))).toBe("info");
    // A reader who waited for nothing and left, or a connection broken under it (nginx's 499, 502).
    expect(accessLogLevel(read({ headersSent: false, finished: false }))).toBe("info");
  });

  it("keeps the scheduler's calls to its endpoint at debug", () => {
    expect(accessLogLevel(read({ method: "POST", path: "/api/cron/publish-scheduled" }))).toBe("debug");
    expect(accessLogLevel(read({ method: "POST", path: "/api/cron/publish-scheduled", status: 500 }))).toBe("info");
  });
});
