import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT } from "@/lib/security/limits";
import { callAction, NETWORK_MESSAGE, READ_FAILED_MESSAGES, UNREACHABLE_MESSAGE } from "./call-action";

// What Next.js's client does when a Server Action call fails: fetch rejects with a TypeError on a
// dropped connection; a text/plain error answer becomes an Error with its words; any other non-RSC
// answer (an HTML 500 page) becomes "An unexpected response was received from the server."
describe("callAction: every failure becomes a sentence, never a throw", () => {
  it("passes results through", async () => {
    expect(await callAction(async () => ({ ok: true as const, data: 1 }))).toEqual({ ok: true, data: 1 });
    const refused = {
      ok: false as const,
      code: "invalid" as const,
      error: "Some fields need attention.",
      fieldErrors: { headline: ["Write a headline."] },
    };
    expect(await callAction(async () => refused)).toEqual(refused);
  });

  it("names a dropped connection, a 5xx page, a 413 and a timeout", async () => {
    const drop = await callAction(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(drop).toMatchObject({ ok: false, error: NETWORK_MESSAGE });
    // Said of every action, it promises no retry (only a draft's autosave has one, and says so itself).
    expect(NETWORK_MESSAGE).not.toMatch(/by itself/);
    const page500 = await callAction(() => Promise.reject(new Error("An unexpected response was received from the server.")));
    expect(page500).toMatchObject({ ok: false, error: UNREACHABLE_MESSAGE });
    const tooLarge = await callAction(() => Promise.reject(new Error("This request is too large (5.2 MB; the limit is 3 MB).")));
    expect(tooLarge).toMatchObject({
      ok: false,
      error: expect.stringMatching(/too large \(5\.2 MB; the limit is 3 MB\)\. Nothing was saved/),
    });
    const slow = await callAction(() => new Promise(() => {}), { timeoutMs: 50 });
    expect(slow).toMatchObject({ ok: false, error: expect.stringMatching(/did not answer within/) });
    const garbage = await callAction(async () => "<html>" as never);
    expect(garbage).toMatchObject({ ok: false, error: UNREACHABLE_MESSAGE });
  });

  it("a read that fails does not say that something was not saved", async () => {
    const reads = { reads: true, timeoutMs: 50 };
    const failures = [
      await callAction(() => Promise.reject(new TypeError("Failed to fetch")), reads),
      await callAction(() => Promise.reject(new Error("An unexpected response was received from the server.")), reads),
      await callAction(() => new Promise(() => {}), reads),
      await callAction(async () => "<html>" as never, reads),
    ];
    expect(failures.map((failure) => !failure.ok && failure.error)).toEqual([
      READ_FAILED_MESSAGES.network,
      READ_FAILED_MESSAGES.unreachable,
      READ_FAILED_MESSAGES.timeout(50),
      READ_FAILED_MESSAGES.unreachable,
    ]);
    for (const failure of failures) expect(!failure.ok && failure.error).not.toMatch(/saved/);
  });

  it("refuses a call larger than the Server Action limit without making it", async () => {
    let called = false;
    const big = { body: "x".repeat(ACTION_BODY_LIMIT) };
    const result = await callAction(
      async () => {
        called = true;
        return { ok: true as const, data: null };
      },
      { args: [big] },
    );
    expect(called).toBe(false);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/too large to send \(3 MB; the limit is 3 MB\)/) });
  });
});
