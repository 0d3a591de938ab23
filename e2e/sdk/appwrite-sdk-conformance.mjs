// The real Appwrite Web SDK (npm appwrite, unmodified) against indobase Realtime, on Node with `ws` as its
// WebSocket. AppwriteSdkIT runs it against Payara Micro fed by a real Artemis broker:
//
//   node sdk/appwrite-sdk-conformance.mjs <SDK endpoint, e.g. http://127.0.0.1:8080/realtime-web/v1> <project>
//
// Line protocol: when the script needs an event on the topic it prints `PUBLISH <envelope JSON on one line>` and
// waits for `OK` on stdin. It ends with `PASS`, or `FAIL <reason>` and exit code 1. Everything else (SDK logs,
// the frame transcript) goes to stderr. Every wait is bounded.
//
// Not a `node --test` file on purpose: without the IT there is no server and no broker to talk to.
import assert from 'node:assert/strict';
import readline from 'node:readline';
import WebSocket from 'ws';

const WAIT_MS = 10_000;
const FIRST_EVENT_MS = 20_000;
const BUDGET_MS = 50_000;

const [endpoint, project] = process.argv.slice(2);
const stdin = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

// --- what the SDK expects from a browser: window, localStorage, WebSocket (ours records every frame)

const frames = [];
let socketCount = 0;
let openSockets = 0;

class RecordingWebSocket extends WebSocket {
  constructor(...args) {
    super(...args);
    const socket = ++socketCount;
    this.socketNumber = socket;
    openSockets++;
    frames.push({ socket, direction: 'new', text: String(args[0]) });
    this.addEventListener('message', (e) => frames.push({ socket, direction: 'in', text: String(e.data) }));
    this.addEventListener('close', (e) => {
      openSockets--;
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

const { Client, Realtime } = await import('appwrite');

// --- the line protocol and bounded waits

function say(line) {
  process.stdout.write(`${line}\n`);
}

function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function until(condition, ms, what) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function publish(envelope) {
  say(`PUBLISH ${JSON.stringify(envelope)}`);
  const reply = await within(WAIT_MS, stdin.next(), `OK for ${envelope.event}`);
  assert.equal(reply.value, 'OK', `the driver answered ${JSON.stringify(reply.value)} to PUBLISH`);
}

/** Publishes probes until {@code arrived} holds: the server may subscribe to the topic, or apply a subscription, late. */
async function probeUntil(arrived, probe, what) {
  const deadline = Date.now() + FIRST_EVENT_MS;
  for (let n = 1; !arrived(); n++) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${FIRST_EVENT_MS} ms of probing`);
    for (const envelope of probe(n)) await publish(envelope);
    await until(arrived, 500, what).catch(() => {});
  }
}

// --- events as producers publish them (docs/events-envelope.md), readable by anyone

function envelope(event, payload) {
  const timestamp = new Date().toISOString().replace('Z', '+00:00');
  return { project, event, payload, permissions: ['read("any")'], timestamp };
}

const fileEvent = (id) => envelope(`buckets.photos.files.${id}.create`, { $id: id, bucketId: 'photos', name: `${id}.jpg` });
const documentEvent = (id) => envelope(`databases.db1.collections.c1.documents.${id}.create`,
  { $id: id, $databaseId: 'db1', $collectionId: 'c1' });
const membershipEvent = (id) => envelope(`teams.t1.memberships.${id}.create`, { $id: id, teamId: 't1' });

/** A callback that keeps what the SDK hands it. */
function recorder(name) {
  const seen = [];
  return {
    name,
    seen,
    callback: (event) => seen.push(event),
    count: (id) => seen.filter((event) => event.payload?.$id === id).length,
    event: (id) => seen.find((event) => event.payload?.$id === id),
  };
}

async function arrival(recorder, id) {
  await until(() => recorder.count(id) > 0, WAIT_MS, `event ${id} at ${recorder.name}`);
  return recorder.event(id);
}

function assertDelivered(event, sent, channel, where) {
  assert.ok(Array.isArray(event.events) && event.events.includes(sent.event),
    `${where}: events ${JSON.stringify(event.events)} lack ${sent.event}`);
  assert.ok(Array.isArray(event.channels) && event.channels.includes(channel),
    `${where}: channels ${JSON.stringify(event.channels)} lack ${channel}`);
  assert.equal(typeof event.timestamp, 'string', `${where}: timestamp is ${typeof event.timestamp}`);
  assert.equal(event.timestamp, sent.timestamp, `${where}: timestamp`);
  assert.equal(event.payload.$id, sent.payload.$id, `${where}: payload.$id`);
  assert.ok(Array.isArray(event.subscriptions) && event.subscriptions.length > 0,
    `${where}: subscriptions ${JSON.stringify(event.subscriptions)}`);
}

function inbound(socket, type) {
  return frames.filter((f) => f.socket === socket && f.direction === 'in')
    .map((f) => JSON.parse(f.text))
    .filter((frame) => frame.type === type);
}

/** The channels of each subscribe row the SDK sent on {@code socket} for {@code subscriptionId}. */
function subscribedChannels(socket, subscriptionId) {
  return frames.filter((f) => f.socket === socket && f.direction === 'out')
    .map((f) => JSON.parse(f.text))
    .filter((frame) => frame.type === 'subscribe')
    .flatMap((frame) => frame.data)
    .filter((row) => row.subscriptionId === subscriptionId)
    .map((row) => row.channels);
}

// --- the scenario

async function scenario() {
  assert.ok(endpoint && project, 'usage: appwrite-sdk-conformance.mjs <SDK endpoint> <project>');
  const client = new Client().setEndpoint(endpoint).setProject(project);
  const realtime = new Realtime(client);
  const errors = [];
  realtime.onError((error, code) => errors.push(`${code}: ${error.message}`));

  const realtimeFiles = recorder('Realtime files subscription');
  const realtimeSentinel = recorder('Realtime sentinel subscription');
  const legacyFiles = recorder('legacy files subscription');
  const legacySentinel = recorder('legacy sentinel subscription');

  // (a) the Realtime service and the legacy client.subscribe both receive a file event. Each opens its own socket,
  // so each gets a sentinel subscription on another channel (memberships) that stays until the end.
  const filesSubscription = await within(WAIT_MS, realtime.subscribe('files', realtimeFiles.callback), 'Realtime socket');
  const realtimeSocket = socketCount;
  await within(WAIT_MS, realtime.subscribe(['memberships'], realtimeSentinel.callback), 'Realtime sentinel subscription');
  const unsubscribeLegacyFiles = client.subscribe('files', legacyFiles.callback);
  const unsubscribeLegacySentinel = client.subscribe(['memberships'], legacySentinel.callback);
  const all = [realtimeFiles, realtimeSentinel, legacyFiles, legacySentinel];
  await probeUntil(() => all.every((r) => r.seen.length > 0),
    (n) => [fileEvent(`probe${n}`), membershipEvent(`probe${n}`)], 'probe at all four subscriptions');
  await new Promise((resolve) => setTimeout(resolve, 300)); // probes still in flight
  assert.equal(socketCount, 2, 'one socket for the Realtime service, one for the legacy client, no reconnects');
  const legacySocket = socketCount;

  const shape = fileEvent('shapeCheck');
  await publish(shape);
  const viaRealtime = await arrival(realtimeFiles, 'shapeCheck');
  assertDelivered(viaRealtime, shape, 'files', 'Realtime.subscribe');
  assertDelivered(await arrival(legacyFiles, 'shapeCheck'), shape, 'files', 'client.subscribe');
  assert.equal(viaRealtime.subscriptions.length, 1, `one subscription matches: ${viaRealtime.subscriptions}`);
  const filesId = viaRealtime.subscriptions[0];
  const sentinelId = realtimeSentinel.seen[0].subscriptions[0];
  assert.notEqual(filesId, sentinelId, 'the two Realtime subscriptions have distinct ids');
  assert.deepEqual(subscribedChannels(realtimeSocket, filesId), [['files']],
    'the event names the subscription id the SDK sent with the files channel');
  assert.ok(realtimeSentinel.seen.every((e) => e.channels.includes('memberships')),
    'a file event reached the Realtime sentinel callback');

  // (b) update() replaces the channels of the same subscription: a document event reaches it, a file event no longer
  await within(WAIT_MS, filesSubscription.update({ channels: ['documents'] }), 'update()');
  await probeUntil(() => realtimeFiles.seen.some((e) => e.payload.$id.startsWith('docProbe')),
    (n) => [documentEvent(`docProbe${n}`)], 'document probe at the updated subscription');
  const fileAfterUpdate = fileEvent('afterUpdate');
  const document = documentEvent('d1');
  await publish(fileAfterUpdate);
  await publish(document);
  const documentSeen = await arrival(realtimeFiles, 'd1');
  assert.equal(realtimeFiles.count('afterUpdate'), 0, 'a file event reached the subscription updated to documents');
  assertDelivered(documentSeen, document, 'documents', 'Realtime.subscribe after update');
  assert.deepEqual(documentSeen.subscriptions, [filesId], 'update() kept the subscription id');
  assert.equal(realtimeFiles.count('shapeCheck'), 1, 'the file event reached the Realtime callback exactly once');
  await arrival(legacyFiles, 'afterUpdate'); // the update touched only its own subscription

  // (c) after unsubscribe() and the legacy unsubscribe function, the callbacks see nothing; the sentinels, published
  // after the checked events on the same sockets, prove those would have arrived by now
  await within(WAIT_MS, filesSubscription.unsubscribe(), 'unsubscribe()');
  unsubscribeLegacyFiles();
  await until(() => inbound(realtimeSocket, 'response').some((r) => r.data?.to === 'unsubscribe'), WAIT_MS,
    'response to the unsubscribe frame');
  const seenBefore = { realtime: realtimeFiles.seen.length, legacy: legacyFiles.seen.length };
  const eventsBefore = { realtime: inbound(realtimeSocket, 'event').length, legacy: inbound(legacySocket, 'event').length };
  await publish(fileEvent('afterUnsubscribe'));
  await publish(documentEvent('d2'));
  await publish(membershipEvent('sentinel'));
  await arrival(realtimeSentinel, 'sentinel');
  await arrival(legacySentinel, 'sentinel');
  assert.equal(realtimeFiles.seen.length, seenBefore.realtime, 'the Realtime callback fired after unsubscribe()');
  assert.equal(legacyFiles.seen.length, seenBefore.legacy, 'the legacy callback fired after its unsubscribe function');
  const stillNamed = inbound(realtimeSocket, 'event').slice(eventsBefore.realtime)
    .filter((frame) => frame.data.subscriptions.includes(filesId)).map((frame) => frame.data.events[0]);
  assert.deepEqual(stillNamed, [], 'the server still delivered events to the unsubscribed subscription id');
  const errorFrames = frames.filter((f) => f.direction === 'in' && JSON.parse(f.text).type === 'error');
  assert.equal(errorFrames.length, 0, `the server answered with errors: ${errorFrames.map((f) => f.text)}`);
  assert.deepEqual(errors, [], 'Realtime onError fired');
  noteLegacyUnsubscribe(legacySocket, eventsBefore.legacy);

  // (d) close everything so the process can end: the last legacy unsubscribe closes the client's socket
  unsubscribeLegacySentinel();
  await within(WAIT_MS, realtime.disconnect(), 'disconnect()');
  await until(() => openSockets === 0, WAIT_MS, 'close of both SDK sockets');
}

/** The legacy unsubscribe function only forgets the callback in SDK 28: worth a line in the log, not a failure. */
function noteLegacyUnsubscribe(socket, eventsBefore) {
  const sent = frames.filter((f) => f.socket === socket && f.direction === 'out').map((f) => JSON.parse(f.text).type);
  const after = inbound(socket, 'event').slice(eventsBefore).map((frame) => frame.data.events[0]);
  console.error(`note: the legacy client sent ${JSON.stringify(sent)}; after its unsubscribe it was still sent ${JSON.stringify(after)}`);
}

function transcript() {
  return frames.map((f) => `  #${f.socket} ${f.direction.padEnd(6)} ${f.text.slice(0, 400)}`).join('\n');
}

const budget = setTimeout(() => {
  say(`FAIL the scenario did not finish within ${BUDGET_MS} ms`);
  console.error(transcript());
  process.exit(1);
}, BUDGET_MS);

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
