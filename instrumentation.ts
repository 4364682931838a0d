import type { Instrumentation } from "next";

// Runs once when the server boots (lib/ops/boot.ts: configuration check, then the scheduler).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("./lib/ops/boot");
    boot();
  }
}

// A request that failed, as one log line with its request id (lib/ops/request-error.ts).
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/ops/request-error");
  await logRequestError(...args);
};
