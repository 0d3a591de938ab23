// Types of @indobase/realtime (the code is plain ESM JavaScript beside this file).

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface StateInfo {
  previous: ConnectionState;
  /** The close code that ended the previous socket (1006 when it was lost without one), 0 when none. */
  code: number;
  /** The server's error message or the failure, for 'reconnecting' and 'closed'. */
  reason: string;
  /** For 'reconnecting': milliseconds until the next attempt. */
  retryInMs: number;
}

export interface Resumption {
  lastEventId: string;
  /** true: the `replayed` events that follow are all that was missed. false: events may be lost, refetch. */
  resumed: boolean;
  replayed: number;
  reason: string;
}

export interface RealtimeEvent<T = Record<string, unknown>> {
  /** The event's id, the same on every node fed by one broker; the client resumes from the last one. */
  id: string;
  /** Every wildcard name, most specific first: `buckets.b1.files.f1.create`, `buckets.*.files.*.create`… */
  events: string[];
  channels: string[];
  /** ISO-8601 with milliseconds, `+00:00`. */
  timestamp: string;
  payload: T;
  /** The ids of this client's subscriptions that matched. */
  subscriptions: string[];
}

export interface Subscription {
  readonly id: string;
  readonly channels: readonly string[];
  readonly queries: readonly string[];
  /** Resolves when the server first confirmed the subscription; rejects with its RealtimeError if it refused it. */
  readonly ready: Promise<Subscription>;
  /** Replaces the channels and queries. */
  update(change: { channels?: string | string[]; queries?: string[] }): void;
  unsubscribe(): void;
}

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  multiplier?: number;
  jitter?: number;
}

export interface RealtimeOptions {
  /** The API's base URL, as for the Appwrite SDKs: `https://host/v1` (the socket is at `/v1/realtime`). */
  endpoint: string | URL;
  project: string;
  /** A JWT, or a function giving one for every connection; sent as the `authentication` message before subscribing. */
  jwt?: string | (() => string | null | undefined | Promise<string | null | undefined>);
  /** Node only (needs the `ws` package): an API key with the `subscribe` scope, sent as `X-Indobase-Key`. */
  apiKey?: string;
  /** A ping every `intervalMs` (20 s); nothing heard within `timeoutMs` (10 s) of one drops the socket. */
  heartbeat?: { intervalMs?: number; timeoutMs?: number };
  /** Reconnect delays (0.5 s doubling to 30 s, ±50 %), or a function of the attempt (1, 2, …) giving milliseconds. */
  backoff?: BackoffOptions | ((attempt: number) => number);
  /** How long a socket may take to deliver the server's `connected` frame (10 s). */
  connectTimeoutMs?: number;
  /** A WebSocket class to use instead of the platform's or the ws package's. */
  WebSocket?: unknown;
}

export interface Presence {
  status: string;
  presenceId?: string;
  permissions?: string[];
  metadata?: unknown;
}

export class RealtimeError extends Error {
  constructor(code: number, message: string);
  readonly code: number;
}

export class Realtime {
  constructor(options: RealtimeOptions);
  readonly state: ConnectionState;
  subscribe<T = Record<string, unknown>>(
    channels: string | string[],
    callback: (event: RealtimeEvent<T>) => void,
    options?: { queries?: string[] },
  ): Subscription;
  upsertPresence(presence: Presence): void;
  onState(callback: (state: ConnectionState, info: StateInfo) => void): () => void;
  onResume(callback: (resumption: Resumption) => void): () => void;
  onError(callback: (error: RealtimeError) => void): () => void;
  close(): void;
}

export const DEFAULT_BACKOFF: Readonly<Required<BackoffOptions>>;
export function backoffDelay(attempt: number, options?: BackoffOptions, random?: number): number;

type Value = string | number | boolean | null;
export const Query: {
  equal(attribute: string, value: Value | Value[]): string;
  notEqual(attribute: string, value: Value | Value[]): string;
  lessThan(attribute: string, value: Value): string;
  lessThanEqual(attribute: string, value: Value): string;
  greaterThan(attribute: string, value: Value): string;
  greaterThanEqual(attribute: string, value: Value): string;
  between(attribute: string, low: Value, high: Value): string;
  isNull(attribute: string): string;
  isNotNull(attribute: string): string;
  contains(attribute: string, value: Value | Value[]): string;
  startsWith(attribute: string, value: string): string;
  endsWith(attribute: string, value: string): string;
  and(queries: string[]): string;
  or(queries: string[]): string;
};
