/**
 * Settles as `promise` does, or, when it has not settled within `ms`, as `onTimeout()` does (which
 * may throw, to reject). The timer is cleared either way. It does not keep a Node process alive on
 * its own unless `keepAlive` (a stopping process waits out its grace for work that may wait on
 * nothing else). An `ms` that is not finite waits for `promise` alone. The promise itself is not
 * cancelled: it runs on, and its late result is dropped. Safe in the browser.
 */
export function withinMs<T, F = T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => F | Promise<F>,
  { keepAlive = false }: { keepAlive?: boolean } = {},
): Promise<T | F> {
  if (!Number.isFinite(ms)) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<F>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(onTimeout());
      } catch (error) {
        reject(error);
      }
    }, ms);
    if (!keepAlive) (timer as { unref?: () => void }).unref?.();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
