// @indobase/realtime: the browser and Node client of indobase Realtime. See docs/clients.md.
export { Realtime } from './realtime.js';
export { RealtimeError } from './subscription.js';
export { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
export { Query } from './query.js';
