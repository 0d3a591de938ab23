// What an Appwrite Web SDK scenario needs on Node besides the SDK: the browser globals it expects (window,
// localStorage, a WebSocket that records every frame), bounded waits, and the line protocol with the Java driver
// (`PUBLISH <envelope>` answered by `OK`; the verdict `PASS` or `FAIL <reason>`). Diagnostics go to stderr.
import assert from 'node:assert/strict';
import readline from 'node:readline';
import WebSocket from 'ws';

export const WAIT_MS = 10_000;
export const FIRST_EVENT_MS = 20_000;

/** Every frame of every SDK socket: {socket, direction: new|in|out|closed, text}. */
export const frames = [];
export const sockets = { count: 0, open: 0 };

class RecordingWebSocket extends WebSocket {
  constructor(...args) {
    super(...args);
    const socket = ++sockets.count;
    this.socketNumber = socket;
    sockets.open++;
    frames.push({ socket, direction: 'new', text: String(args[0]) });
    this.addEventListener('message', (e) => frames.push({ socket, direction: 'in', text: String(e.data) }));
    this.addEventListener('close', (e) => {
      sockets.open--;
      frames.push({ socket, direction: 'closed', text: `code ${e.code}` });
    });
  }

  send(data, ...rest) {
    frames.push({ socket: this.socketNumber, direction: 'out', text: String(data) });
    super.send(data, ...rest);
  }
}

const storage = new Map();
globalThis.window = globalThis;
globalThis.localStorage = {
  getItem: (key) => storage.get(key) ?? null,
  setItem: (key, value) => storage.set(key, String(value)),
  removeItem: (key) => storage.delete(key),
};
globalThis.WebSocket = RecordingWebSocket;
for (const level of ['log', 'info', 'debug']) console[level] = (...args) => console.error(...args);

const stdin = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

export function say(line) {
  process.stdout.write(`${line}\n`);
}

export function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function until(condition, ms, what) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function publish(envelope) {
  say(`PUBLISH ${JSON.stringify(envelope)}`);
  const reply = await within(WAIT_MS, stdin.next(), `OK for ${envelope.event}`);
  assert.equal(reply.value, 'OK', `the driver answered ${JSON.stringify(reply.value)} to PUBLISH`);
}

/** Publishes probes until {@code arrived} holds: the server may subscribe to the topic, or apply a subscription, late. */
export async function probeUntil(arrived, probe, what) {
  const deadline = Date.now() + FIRST_EVENT_MS;
  for (let n = 1; !arrived(); n++) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${FIRST_EVENT_MS} ms of probing`);
    for (const envelope of probe(n)) await publish(envelope);
    await until(arrived, 500, what).catch(() => {});
  }
}

/** A callback that keeps what the SDK hands it. */
export function recorder(name) {
  const seen = [];
  return {
    name,
    seen,
    callback: (event) => seen.push(event),
    ids: () => seen.map((event) => event.payload?.$id),
    with: (event) => seen.filter((e) => Array.isArray(e.events) && e.events.includes(event)),
  };
}

/** The frames of one type the server sent on one socket, parsed. */
export function inbound(socket, type) {
  return frames.filter((f) => f.socket === socket && f.direction === 'in')
    .map((f) => JSON.parse(f.text))
    .filter((frame) => frame.type === type);
}

export function transcript() {
  return frames.map((f) => `  #${f.socket} ${f.direction.padEnd(6)} ${f.text.slice(0, 400)}`).join('\n');
}

/** Runs the scenario within its budget and prints the verdict; the process ends with it. */
export async function run(scenario, budgetMs) {
  const budget = setTimeout(() => {
    say(`FAIL the scenario did not finish within ${budgetMs} ms`);
    console.error(transcript());
    process.exit(1);
  }, budgetMs);
  try {
    await scenario();
    clearTimeout(budget);
    console.error(`frames (#socket direction text):\n${transcript()}`);
    say('PASS');
    process.exit(0);
  } catch (error) {
    say(`FAIL ${String(error.message).replace(/\s+/g, ' ')}`);
    console.error(error.stack);
    console.error(`frames (#socket direction text):\n${transcript()}`);
    process.exit(1);
  }
}
