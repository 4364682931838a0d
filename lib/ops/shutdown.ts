import { withinMs } from "./within";

/**
 * What a server process finishes, or hands back, before it stops. lib/ registers it (the job
 * runner hands back the jobs it holds); scripts/server.ts runs it on SIGTERM or SIGINT, beside
 * closing its HTTP server. One list per process, shared by the server and the Next.js bundle it
 * loads (each has its own copy of this module).
 */
/** `graceMs`: how long the task may take; `exitBy`: when the process will have exited, at the latest. */
type Task = (budget: { graceMs: number; exitBy: Date }) => Promise<void>;

const state = globalThis as unknown as { datelineShutdown?: Set<Task> };
const tasks = (state.datelineShutdown ??= new Set());

/** Runs `task` when the process is asked to stop. */
export function onShutdown(task: Task) {
  tasks.add(task);
}

/** Runs every registered task; resolves when all have finished or failed, or after `graceMs`. */
export async function shutDown(graceMs: number, exitBy: Date): Promise<void> {
  await withinMs(Promise.allSettled([...tasks].map((task) => task({ graceMs, exitBy }))), graceMs, () => undefined, { keepAlive: true });
}
