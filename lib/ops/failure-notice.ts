import { log } from "../log";

/**
 * The log lines of a task that runs again and again in the background (the job runner's pass, the
 * poll of shared cache expiries): its failures are said once, then once a minute with how many there
 * were, and its recovery once. A database that was down had each process write several lines a second.
 */
export class FailureNotice {
  private since = 0;
  private lastSaid = 0;
  private failures = 0;

  constructor(
    private readonly says: { failing: string; working: string },
    private readonly now: () => number = Date.now,
    private readonly everyMs = 60_000,
  ) {}

  failed(error: unknown) {
    const now = this.now();
    if (!this.failures) this.since = now;
    this.failures++;
    if (now - this.lastSaid < this.everyMs) return;
    this.lastSaid = now;
    log("warn", this.says.failing, { failures: this.failures, forMs: now - this.since, error: String(error).slice(0, 500) });
  }

  succeeded() {
    if (this.failures) log("info", this.says.working, { failures: this.failures, forMs: this.now() - this.since });
    this.since = 0;
    this.lastSaid = 0;
    this.failures = 0;
  }
}
