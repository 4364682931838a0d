/**
 * What a server process finishes, or hands back, before it stops. lib/ registers it (the job
 * runner hands back the jobs it holds); scripts/server.ts runs it on SIGTERM or SIGINT, beside
 * closing its HTTP server. One list per process, shared by the server and the Next.js bundle it
 * loads (each has its own copy of this module).
 */
type Task = (graceMs: number) => Promise<void>;

const state = globalThis as unknown as { datelineShutdown?: Set<Task> };
const tasks = (state.datelineShutdown ??= new Set());

/** Runs `task` when the process is asked to stop; `graceMs` is how long it may take. */
export function onShutdown(task: Task) {
  tasks.add(task);
}

/** Runs every registered task; resolves when all have finished or failed, or after `graceMs`. */
export async function shutDown(graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...tasks].map((task) => task(graceMs))),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
  ]);
  clearTimeout(timer);
}
