/**
 * What this process has seen of its writes, for /api/health: when one last succeeded and since
 * when they have been failing (a refused lock wait counts as a failure). Per process on purpose:
 * the health of an instance is its own.
 */
const state = { lastSuccessAt: 0, failingSince: null as number | null, lastFailure: null as string | null };

export function recordWriteSuccess(now = Date.now()) {
  state.lastSuccessAt = now;
  state.failingSince = null;
  state.lastFailure = null;
}

export function recordWriteFailure(reason: string, now = Date.now()) {
  state.failingSince ??= now;
  state.lastFailure = reason;
}

/** How long writes have been failing without one succeeding, in ms (0 when the last write went through). */
export function writesFailingForMs(now = Date.now()): number {
  return state.failingSince === null ? 0 : now - state.failingSince;
}
