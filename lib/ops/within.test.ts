import { describe, expect, it } from "vitest";
import { withinMs } from "./within";

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("withinMs", () => {
  it("answers with the promise when it settles in time", async () => {
    await expect(withinMs(after(5, "done"), 1_000, () => "late")).resolves.toBe("done");
  });

  it("answers with the fallback when the promise is late", async () => {
    await expect(withinMs(after(1_000, "done"), 10, () => "late")).resolves.toBe("late");
  });

  it("rejects with what the fallback throws", async () => {
    await expect(
      withinMs(new Promise<never>(() => {}), 10, () => {
        throw new Error("no answer within 10 ms");
      }),
    ).rejects.toThrow("no answer within 10 ms");
  });

  it("passes on the promise's own rejection", async () => {
    await expect(withinMs(Promise.reject(new Error("refused")), 1_000, () => "late")).rejects.toThrow("refused");
  });

  it("waits for the promise alone when the limit is not finite", async () => {
    await expect(withinMs(after(30, "done"), Infinity, () => "late")).resolves.toBe("done");
  });

  it("clears its timer: once the promise has settled, the fallback never runs", async () => {
    let asked = false;
    await withinMs(Promise.resolve("done"), 10, () => ((asked = true), "late"));
    await after(40, null);
    expect(asked).toBe(false);
  });
});
