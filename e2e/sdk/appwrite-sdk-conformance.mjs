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
import {
  WAIT_MS, frames, inbound, probeUntil, publish, run, sockets, until, within,
} from './harness.mjs';

const BUDGET_MS = 50_000;
const { Client, Realtime } = await import('appwrite');
const [endpoint, project] = process.argv.slice(2);

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
  const realtimeSocket = sockets.count;
  await within(WAIT_MS, realtime.subscribe(['memberships'], realtimeSentinel.callback), 'Realtime sentinel subscription');
  const unsubscribeLegacyFiles = client.subscribe('files', legacyFiles.callback);
  const unsubscribeLegacySentinel = client.subscribe(['memberships'], legacySentinel.callback);
  const all = [realtimeFiles, realtimeSentinel, legacyFiles, legacySentinel];
  await probeUntil(() => all.every((r) => r.seen.length > 0),
    (n) => [fileEvent(`probe${n}`), membershipEvent(`probe${n}`)], 'probe at all four subscriptions');
  await new Promise((resolve) => setTimeout(resolve, 300)); // probes still in flight
  assert.equal(sockets.count, 2, 'one socket for the Realtime service, one for the legacy client, no reconnects');
  const legacySocket = sockets.count;

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
  await until(() => sockets.open === 0, WAIT_MS, 'close of both SDK sockets');
}

/** The legacy unsubscribe function only forgets the callback in SDK 28: worth a line in the log, not a failure. */
function noteLegacyUnsubscribe(socket, eventsBefore) {
  const sent = frames.filter((f) => f.socket === socket && f.direction === 'out').map((f) => JSON.parse(f.text).type);
  const after = inbound(socket, 'event').slice(eventsBefore).map((frame) => frame.data.events[0]);
  console.error(`note: the legacy client sent ${JSON.stringify(sent)}; after its unsubscribe it was still sent ${JSON.stringify(after)}`);
}


await run(scenario, BUDGET_MS);
