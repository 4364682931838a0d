// Runs once when the server boots (lib/ops/boot.ts: configuration check, then the scheduler).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("./lib/ops/boot");
    boot();
  }
}
