// Reconnect delays: initialMs × multiplier^(attempt-1), capped at maxMs, spread by ±jitter so that clients cut off
// together do not come back together. A pure function, so the table is tested without timers.

/** @type {{initialMs: number, maxMs: number, multiplier: number, jitter: number}} */
export const DEFAULT_BACKOFF = Object.freeze({ initialMs: 500, maxMs: 30_000, multiplier: 2, jitter: 0.5 });

/**
 * @param {number} attempt 1 for the first retry after a loss
 * @param {{initialMs?: number, maxMs?: number, multiplier?: number, jitter?: number}} [options]
 * @param {number} [random] a number in [0, 1)
 * @returns {number} milliseconds
 */
export function backoffDelay(attempt, options = {}, random = Math.random()) {
  const { initialMs, maxMs, multiplier, jitter } = { ...DEFAULT_BACKOFF, ...options };
  if (!(initialMs > 0) || !(maxMs >= initialMs) || !(multiplier >= 1) || !(jitter >= 0 && jitter < 1)) {
    throw new RangeError(`invalid backoff ${JSON.stringify(options)}: need 0 < initialMs <= maxMs, multiplier >= 1, 0 <= jitter < 1`);
  }
  const capped = Math.min(initialMs * multiplier ** Math.max(0, attempt - 1), maxMs);
  return Math.round(Math.min(capped * (1 - jitter + 2 * jitter * random), maxMs));
}
