// A subscription's channels, queries and callback; it lives across reconnects until unsubscribe().
import { newId } from './socket.js';

export const CONFIRM = Symbol('confirm');
export const REFUSE = Symbol('refuse');
export const DELIVER = Symbol('deliver');

/** An `error` frame of the server (code 1003, 1008, 1013, 401… as in docs/protocol.md), or 0 for the client's own. */
export class RealtimeError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'RealtimeError';
    this.code = code;
  }
}

export class Subscription {
  #link;
  #callback;
  #confirmed = false;
  #settle;

  constructor(link, channels, queries, callback) {
    if (typeof callback !== 'function') throw new TypeError('subscribe(channels, callback): callback must be a function');
    this.#link = link;
    this.#callback = callback;
    this.id = newId();
    this.#set(channels, queries);
    this.ready = new Promise((resolve, reject) => { this.#settle = { resolve, reject }; });
    this.ready.catch(() => {}); // a refusal is also reported to onError: never an unhandled rejection
  }

  #set(channels, queries) {
    const list = typeof channels === 'string' ? [channels] : [...channels];
    if (list.length === 0 || list.some((c) => typeof c !== 'string')) throw new TypeError('channels must be one or more strings');
    this.channels = Object.freeze(list);
    this.queries = Object.freeze([...queries]);
  }

  /** Replaces the channels and queries; the server replaces them too (an upsert by id). */
  update({ channels = this.channels, queries = this.queries } = {}) {
    this.#set(channels, queries);
    this.#link.update(this);
  }

  unsubscribe() {
    this.#link.unsubscribe(this);
  }

  [CONFIRM]() {
    this.#confirmed = true;
    this.#settle.resolve(this);
  }

  [REFUSE](error) {
    if (!this.#confirmed) this.#settle.reject(error);
  }

  [DELIVER](event) {
    this.#callback(event);
  }
}
