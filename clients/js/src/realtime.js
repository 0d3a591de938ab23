// One WebSocket for all subscriptions of a page or a Node process, opened at the first subscribe and closed after
// the last unsubscribe. A lost socket is reopened with jittered backoff and asks the server to resume from the last
// event received (lastEventId), so callbacks see every event once, in order, while the server can replay them.
import { backoffDelay } from './backoff.js';
import { socketClass, socketUrl } from './socket.js';
import { Subscription, RealtimeError, CONFIRM, REFUSE, DELIVER } from './subscription.js';

const EXPIRED = 'The session expired.';

export class Realtime {
  #options;
  #subscriptions = new Map();
  #listeners = { state: new Set(), resume: new Set(), error: new Set() };
  #state = 'idle';
  #conn = null;
  #pending = [];
  #lastEventId = null;
  #attempts = 0;
  #retry = null;
  #closed = false;
  #presence = null;

  constructor(options = {}) {
    const { endpoint, project } = options;
    if (!endpoint) throw new TypeError('new Realtime({ endpoint, project }): endpoint is required, e.g. http://localhost:8080/v1');
    if (!/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}$/.test(project ?? '')) throw new TypeError(`invalid project id: ${project}`);
    this.#options = {
      connectTimeoutMs: 10_000, ...options,
      heartbeat: { intervalMs: 20_000, timeoutMs: 10_000, ...options.heartbeat },
      backoff: options.backoff ?? {},
    };
    socketUrl(endpoint, project, null); // throws now for an endpoint that cannot be a socket's
    globalThis.addEventListener?.('online', () => this.#online());
  }

  /** 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed' */
  get state() { return this.#state; }

  /** `callback(state, { previous, code, reason, retryInMs })` on every change; returns a function that stops it. */
  onState(callback) { return this.#on('state', callback); }

  /** `callback({ lastEventId, resumed, replayed, reason })` after a reconnect; `resumed: false`: refetch. */
  onResume(callback) { return this.#on('resume', callback); }

  /** `callback(RealtimeError)` for an error frame that did not end the socket, or a callback that threw. */
  onError(callback) { return this.#on('error', callback); }

  /** Events on any of `channels` whose payload passes every query (utopia Query JSON strings, see Query). */
  subscribe(channels, callback, { queries = [] } = {}) {
    if (this.#closed) throw new Error('this Realtime is closed');
    const subscription = new Subscription({ update: (s) => this.#update(s), unsubscribe: (s) => this.#unsubscribe(s) },
      channels, queries, callback);
    this.#subscriptions.set(subscription.id, subscription);
    if (this.#conn?.subscribed) this.#send(this.#conn, 'subscribe', [subscription]);
    else if (!this.#conn && !this.#retry) this.#connect();
    return subscription;
  }

  /** Publishes the signed-in user's presence, and again after every reconnect (Appwrite's upsertPresence). */
  upsertPresence({ status, presenceId, permissions, metadata }) {
    this.#presence = { status, presenceId, permissions, metadata };
    if (this.#conn?.subscribed) this.#send(this.#conn, 'presence', [], this.#presence);
  }

  /** Closes the socket (1000) and stops reconnecting, for good. */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#retry);
    this.#drop(this.#conn, true);
    this.#move('closed', { code: 1000, reason: 'closed by the client' });
  }

  #on(kind, callback) {
    this.#listeners[kind].add(callback);
    return () => this.#listeners[kind].delete(callback);
  }

  #emit(kind, ...args) {
    for (const callback of this.#listeners[kind]) {
      try { callback(...args); } catch (e) { if (kind !== 'error') this.#emit('error', new RealtimeError(0, `a ${kind} callback failed: ${e}`)); }
    }
  }

  #move(state, info = {}) {
    const previous = this.#state;
    if (previous === state && state !== 'reconnecting') return;
    this.#state = state;
    this.#emit('state', state, { previous, code: 0, reason: '', retryInMs: 0, ...info });
  }

  async #connect() {
    this.#retry = null;
    if (this.#subscriptions.size === 0) return this.#idle();
    const conn = { ws: null, connected: false, subscribed: false, lastHeard: Date.now(), lastError: null, failure: '' };
    this.#conn = conn;
    if (this.#state === 'idle' || this.#state === 'closed') this.#move('connecting');
    let Impl;
    try { Impl = await socketClass(this.#options); } catch (e) { return this.#lost(conn, 0, e.message, true); }
    if (conn !== this.#conn) return;
    const url = socketUrl(this.#options.endpoint, this.#options.project, this.#lastEventId);
    const key = this.#options.apiKey;
    const ws = key ? new Impl(url, { headers: { 'X-Indobase-Key': key } }) : new Impl(url);
    conn.ws = ws;
    conn.connectTimer = setTimeout(() => this.#lost(conn, 1006, 'no connected frame in time'), this.#options.connectTimeoutMs);
    ws.onmessage = (message) => this.#received(conn, typeof message.data === 'string' ? message.data : String(message.data));
    ws.onerror = (error) => { conn.failure = error?.message ?? ''; };
    ws.onclose = (close) => this.#lost(conn, close.code || 1006, close.reason || conn.failure || 'the connection closed');
  }

  #received(conn, text) {
    if (conn !== this.#conn) return;
    conn.lastHeard = Date.now();
    let frame;
    try { frame = JSON.parse(text); } catch { return this.#emit('error', new RealtimeError(0, `not a protocol frame: ${text.slice(0, 200)}`)); }
    const data = frame.data ?? {};
    switch (frame.type) {
      case 'connected': return this.#connected(conn);
      case 'event': return this.#event(frame);
      case 'response': return this.#response(conn, data);
      case 'pong': return this.#answered('ping');
      case 'error': {
        const error = new RealtimeError(data.code ?? 0, data.message ?? '');
        conn.lastError = error;
        const request = this.#pending.shift();
        request?.subscriptions.forEach((s) => s[REFUSE](error));
        request?.then?.();
        return this.#emit('error', error);
      }
      default: return undefined;
    }
  }

  async #connected(conn) {
    clearTimeout(conn.connectTimer);
    conn.connected = true;
    this.#attempts = 0;
    this.#move('open');
    this.#heartbeat(conn);
    let token = this.#options.jwt;
    try { token = typeof token === 'function' ? await token() : token; } catch (e) {
      token = null;
      this.#emit('error', new RealtimeError(0, `the jwt function failed: ${e}`));
    }
    if (conn !== this.#conn) return;
    // signed in before the first subscribe: the resume is filtered with the user's roles
    const subscribe = () => {
      if (conn !== this.#conn) return;
      conn.subscribed = true;
      this.#send(conn, 'subscribe', [...this.#subscriptions.values()]);
      if (this.#presence) this.#send(conn, 'presence', [], this.#presence);
    };
    if (token) this.#send(conn, 'authentication', [], { session: token }, subscribe);
    else subscribe();
  }

  #send(conn, type, subscriptions, data, then) {
    if (type === 'subscribe' && subscriptions.length === 0) return;
    const payload = data ?? (type === 'subscribe'
      ? subscriptions.map((s) => ({ subscriptionId: s.id, channels: s.channels, queries: s.queries }))
      : subscriptions.map((s) => ({ subscriptionId: s.id })));
    this.#pending.push({ type, subscriptions, then });
    conn.ws.send(JSON.stringify({ type, data: payload }));
  }

  #answered(type) {
    const index = this.#pending.findIndex((r) => r.type === type);
    const [request] = index < 0 ? [] : this.#pending.splice(index, 1);
    request?.then?.();
  }

  #event(frame) {
    if (frame.id) this.#lastEventId = frame.id;
    const { events = [], channels = [], timestamp, payload = {}, subscriptions = [] } = frame.data ?? {};
    const event = { id: frame.id, events, channels, timestamp, payload, subscriptions };
    for (const id of subscriptions) {
      try { this.#subscriptions.get(id)?.[DELIVER](event); } catch (e) {
        this.#emit('error', new RealtimeError(0, `a subscription callback failed: ${e}`));
      }
    }
  }

  #response(conn, data) {
    if (data.to === 'resume') {
      const { lastEventId, resumed, replayed = 0, reason = '' } = data;
      return this.#emit('resume', { lastEventId, resumed, replayed, reason });
    }
    if (data.to === 'subscribe') {
      for (const item of data.subscriptions ?? []) this.#subscriptions.get(item.subscriptionId)?.[CONFIRM]();
    }
    return this.#answered(data.to);
  }

  #heartbeat(conn) {
    const { intervalMs, timeoutMs } = this.#options.heartbeat;
    conn.beat = setInterval(() => {
      if (conn !== this.#conn) return;
      const sent = Date.now();
      this.#pending.push({ type: 'ping', subscriptions: [] });
      conn.ws.send('{"type":"ping"}');
      conn.check = setTimeout(() => {
        if (conn === this.#conn && conn.lastHeard < sent) this.#lost(conn, 1006, `no answer to a ping within ${timeoutMs} ms`);
      }, timeoutMs);
    }, intervalMs);
  }

  /** Stops listening to `conn` and ends it: with a close frame when `normally`, at once otherwise. */
  #drop(conn, normally) {
    if (!conn) return;
    if (conn === this.#conn) this.#conn = null;
    this.#pending = [];
    clearTimeout(conn.connectTimer);
    clearInterval(conn.beat);
    clearTimeout(conn.check);
    const { ws } = conn;
    if (!ws) return;
    ws.onmessage = ws.onclose = null;
    ws.onerror = () => {};
    try {
      if (!normally && typeof ws.terminate === 'function') ws.terminate();
      else ws.close(1000);
    } catch { /* already closed */ }
  }

  #lost(conn, code, reason, fatal = false) {
    if (conn !== this.#conn) return;
    this.#drop(conn, false);
    if (this.#closed) return;
    if (this.#subscriptions.size === 0) return this.#idle();
    const why = conn.lastError && [1008, 1013, 4408].includes(code) ? conn.lastError.message : reason;
    const refreshes = typeof this.#options.jwt === 'function' && why === EXPIRED;
    const refused = /Unexpected server response: 40[13]/.test(conn.failure);
    if (fatal || refused || (code === 1008 && !refreshes)) return this.#move('closed', { code, reason: why });
    this.#attempts += 1;
    const { backoff } = this.#options;
    let delay = typeof backoff === 'function' ? backoff(this.#attempts) : backoffDelay(this.#attempts, backoff);
    if (code === 1013 && !conn.connected) delay = Math.max(delay, backoff.maxMs ?? 30_000); // "Too many requests"
    this.#move('reconnecting', { code, reason: why, retryInMs: delay });
    this.#retry = setTimeout(() => this.#connect(), delay);
    return undefined;
  }

  #idle() {
    this.#lastEventId = null; // nothing continues: a later subscription must not get events from before it
    this.#move('idle');
  }

  #online() {
    if (this.#state !== 'reconnecting' || !this.#retry) return;
    clearTimeout(this.#retry);
    this.#connect();
  }

  #update(subscription) {
    if (this.#subscriptions.has(subscription.id) && this.#conn?.subscribed) this.#send(this.#conn, 'subscribe', [subscription]);
  }

  #unsubscribe(subscription) {
    if (!this.#subscriptions.delete(subscription.id)) return;
    if (this.#subscriptions.size === 0) {
      clearTimeout(this.#retry);
      this.#retry = null;
      this.#drop(this.#conn, true);
      if (!this.#closed) this.#idle();
    } else if (this.#conn?.subscribed) {
      this.#send(this.#conn, 'unsubscribe', [subscription]);
    }
  }
}
