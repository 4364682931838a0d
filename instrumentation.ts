// Runs once when the server boots: refuse to serve without the configuration production needs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { requireAuthSecret } = await import("./lib/env");
  try {
    requireAuthSecret();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
