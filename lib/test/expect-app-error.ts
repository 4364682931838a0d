import { expect } from "vitest";
import { AppError } from "../errors";

/** Awaits a promise that must fail with an AppError of `code`, and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
