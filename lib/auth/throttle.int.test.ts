import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { makeUser, TEST_PASSWORD, uid } from "../test/factories";
import { authenticate } from "./login";
import { THROTTLE_MAX_FAILURES } from "./throttle";

const ip = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe("throttling under simultaneous guesses", () => {
  it(`checks exactly ${THROTTLE_MAX_FAILURES} of 100 simultaneous wrong passwords for one account`, async () => {
    const user = await makeUser("WRITER");
    const results = await Promise.all(
      Array.from({ length: 100 }, () => outcome(authenticate(user.email, "wrong-guess-here", { ip: ip() }))),
    );
    expect(results.filter((r) => r === "unauthorized")).toHaveLength(THROTTLE_MAX_FAILURES);
    expect(results.filter((r) => r === "locked")).toHaveLength(100 - THROTTLE_MAX_FAILURES);
    expect(await outcome(authenticate(user.email, TEST_PASSWORD, { ip: ip() }))).toBe("locked");
  });

  it(`checks exactly ${THROTTLE_MAX_FAILURES} of 100 simultaneous guesses from one address at many accounts`, async () => {
    const address = ip();
    const results = await Promise.all(
      Array.from({ length: 100 }, () => outcome(authenticate(`spray-${uid()}@test.dateline`, "wrong-guess-here", { ip: address }))),
    );
    expect(results.filter((r) => r === "unauthorized")).toHaveLength(THROTTLE_MAX_FAILURES);
    const user = await makeUser("WRITER");
    expect(await outcome(authenticate(user.email, TEST_PASSWORD, { ip: address }))).toBe("locked");
  });

  it("throttles by account only when no client address is known", async () => {
    const user = await makeUser("WRITER");
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++)
      expect(await outcome(authenticate(`nobody-${uid()}@test.dateline`, "x-wrong-guess", { ip: null }))).toBe("unauthorized");
    // Unknown-address failures of other accounts do not lock this one.
    expect(await outcome(authenticate(user.email, TEST_PASSWORD, { ip: null }))).toBe("ok");
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) await outcome(authenticate(user.email, "x-wrong-guess", { ip: null }));
    expect(await outcome(authenticate(user.email, TEST_PASSWORD, { ip: null }))).toBe("locked");
  });

  it("a right password clears the account's count", async () => {
    const user = await makeUser("WRITER");
    for (let i = 0; i < THROTTLE_MAX_FAILURES - 1; i++) await outcome(authenticate(user.email, "x-wrong-guess", { ip: ip() }));
    expect(await outcome(authenticate(user.email, TEST_PASSWORD, { ip: ip() }))).toBe("ok");
    for (let i = 0; i < THROTTLE_MAX_FAILURES - 1; i++) await outcome(authenticate(user.email, "x-wrong-guess", { ip: ip() }));
    expect(await outcome(authenticate(user.email, TEST_PASSWORD, { ip: ip() }))).toBe("ok");
  });
});
