/**
 * A first-come, first-served lock for the one write connection, with a deadline: a writer that
 * cannot have it in time is refused with `onTimeout()` instead of waiting for ever, and leaves
 * the queue so it never receives the lock after giving up.
 */
export class WriteLock {
  private held = false;
  private readonly queue: { grant: () => void }[] = [];

  acquire(deadline: number, onTimeout: () => Error): Promise<() => void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(this.releaser());
        },
      };
      const timer = setTimeout(
        () => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          reject(onTimeout());
        },
        Math.max(0, deadline - Date.now()),
      );
      this.queue.push(waiter);
    });
  }

  /** Whether a writer holds the lock now (for the health check). */
  get busy() {
    return this.held;
  }

  private releaser() {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next.grant();
      else this.held = false;
    };
  }
}
