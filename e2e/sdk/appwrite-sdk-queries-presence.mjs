// Query filters and presence with the real Appwrite Web SDK (npm appwrite, unmodified) against indobase Realtime, on
// Node with `ws`. AppwriteSdkIT runs it against Payara Micro fed by a real Artemis broker; alice and bob sign in with
// JWTs of the tests' issuer, given in the environment (ALICE_SESSION, BOB_SESSION):
//
//   ALICE_SESSION=<jwt> BOB_SESSION=<jwt> node sdk/appwrite-sdk-queries-presence.mjs <SDK endpoint, e.g. http://127.0.0.1:8080/realtime-web/v1> <project>
//
// Line protocol and waits: see harness.mjs.
import assert from 'node:assert/strict';
import {
  WAIT_MS, frames, inbound, probeUntil, publish, recorder, run, sockets, until, within,
} from './harness.mjs';

const { Client, Permission, Query, Realtime, Role } = await import('appwrite');
const [endpoint, project] = process.argv.slice(2);

/** The SDK parses frames with json-bigint, whose objects have no prototype: compare their plain JSON form. */
const plain = (value) => JSON.parse(JSON.stringify(value));

function client(session) {
  const c = new Client().setEndpoint(endpoint).setProject(project);
  return session ? c.setSession(session) : c;
}

function documentEvent(id, status) {
  const timestamp = new Date().toISOString().replace('Z', '+00:00');
  const payload = { $id: id, $databaseId: 'db1', $collectionId: 'c1' };
  if (status !== undefined) payload.status = status;
  return {
    project, event: `databases.db1.collections.c1.documents.${id}.create`, payload,
    permissions: ['read("any")'], timestamp,
  };
}

async function listedPresences() {
  const response = await fetch(`${endpoint}/realtime/presences?project=${encodeURIComponent(project)}`);
  assert.equal(response.status, 200, `GET /v1/realtime/presences answered ${response.status}`);
  const body = await response.json();
  assert.equal(body.total, body.presences.length, 'total counts the presences listed');
  return body.presences;
}

/** (a) Realtime.subscribe with Query.equal receives only matching events; a refused query is 1003 and subscribes nothing. */
async function queries() {
  const realtime = new Realtime(client());
  const errors = [];
  realtime.onError((error, code) => errors.push({ code, message: error.message }));
  const active = recorder('status = active');
  const all = recorder('all documents');
  const query = Query.equal('status', ['active']);

  await within(WAIT_MS, realtime.subscribe('documents', active.callback, [query]), 'the filtered subscription');
  const socket = sockets.count;
  await within(WAIT_MS, realtime.subscribe(['documents'], all.callback), 'the unfiltered subscription');
  await probeUntil(() => active.seen.length > 0 && all.seen.length > 0,
    (n) => [documentEvent(`probe${n}`, 'active')], 'a probe at both subscriptions');

  const published = [['d1', 'active'], ['d2', 'archived'], ['d3', 'active'], ['d4', null], ['d5', undefined],
    ['d6', 'Active'], ['last', 'archived']];
  for (const [id, status] of published) await publish(documentEvent(id, status));
  await until(() => all.ids().includes('last'), WAIT_MS, 'the last document at the unfiltered subscription');
  const real = (r) => r.ids().filter((id) => !id.startsWith('probe'));
  assert.deepEqual(real(all), published.map(([id]) => id), 'the unfiltered subscription got every document');
  assert.deepEqual(real(active), ['d1', 'd3'], 'Query.equal("status", ["active"]) let through exactly these');
  assert.ok(active.seen.every((e) => e.payload.status === 'active'), 'a filtered event that does not match');

  const echoed = inbound(socket, 'response').filter((r) => r.data.to === 'subscribe')
    .flatMap((r) => r.data.subscriptions).map((s) => s.queries);
  assert.ok(echoed.some((q) => JSON.stringify(q) === JSON.stringify([query])),
    `the subscribe response echoes the query: ${JSON.stringify(echoed)}`);

  const refused = recorder('refused query');
  const search = JSON.stringify({ method: 'search', attribute: 'status', values: ['act'] });
  await within(WAIT_MS, realtime.subscribe('documents', refused.callback, [search]), 'the refused subscription');
  await until(() => errors.length > 0, WAIT_MS, 'an error for the refused query');
  assert.equal(errors[0].code, 1003);
  assert.match(errors[0].message, /^Invalid query: Query method 'search' is not supported in Realtime queries/);
  await publish(documentEvent('afterRefusal', 'active'));
  await until(() => all.ids().includes('afterRefusal'), WAIT_MS, 'the document published after the refusal');
  assert.equal(refused.seen.length, 0, 'the refused subscription exists on the server');
  assert.equal(errors.length, 1, `more errors: ${JSON.stringify(errors)}`);
  await within(WAIT_MS, realtime.disconnect(), 'disconnect()');
}

function respondedTo(socket, to) {
  return inbound(socket, 'response').some((r) => r.data?.to === to);
}

/** (b) upsertPresence is observed by other clients as permitted, listed over HTTP, and deleted when its socket closes. */
async function presence() {
  const firstSocket = sockets.count + 1;
  const alice = new Realtime(client(process.env.ALICE_SESSION));
  const bob = new Realtime(client(process.env.BOB_SESSION));
  const guest = new Realtime(client());
  const errors = [];
  for (const [name, realtime] of [['alice', alice], ['bob', bob], ['guest', guest]]) {
    realtime.onError((error, code) => errors.push(`${name} ${code}: ${error.message}`));
  }
  const bobSees = recorder('bob on presences');
  const guestSees = recorder('a guest on presences');
  await within(WAIT_MS, bob.subscribe('presences', bobSees.callback), 'bob\'s subscription');
  const bobSocket = sockets.count;
  await within(WAIT_MS, guest.subscribe('presences', guestSees.callback), 'the guest\'s subscription');
  const guestSocket = sockets.count;
  await until(() => respondedTo(bobSocket, 'authentication') && respondedTo(bobSocket, 'subscribe')
    && respondedTo(guestSocket, 'subscribe'), WAIT_MS, 'bob signed in and both subscribed');

  await alice.upsertPresence({
    status: 'online', presenceId: 'alice-presence', permissions: [Permission.read(Role.any())], metadata: { room: 'lobby' },
  });
  const upserted = 'presences.alice-presence.upsert';
  await until(() => bobSees.with(upserted).length > 0 && guestSees.with(upserted).length > 0, WAIT_MS,
    'alice\'s presence at bob and at the guest');
  const aliceSocket = sockets.count;
  const event = bobSees.with(upserted)[0];
  assert.ok(event.channels.includes('presences') && event.channels.includes('presences.alice-presence'),
    `channels ${JSON.stringify(event.channels)}`);
  assert.equal(event.payload.userId, 'alice');
  assert.equal(event.payload.status, 'online');
  assert.equal(event.payload.source, 'realtime');
  assert.deepEqual(plain(event.payload.metadata), { room: 'lobby' });
  assert.deepEqual(plain(event.payload.$permissions), ['read("any")']);
  await until(() => respondedTo(aliceSocket, 'presence'), WAIT_MS, 'the presence response to alice');
  const answer = inbound(aliceSocket, 'response').find((r) => r.data.to === 'presence');
  assert.equal(answer.data.presence.$id, 'alice-presence');
  assert.equal(answer.data.success, undefined, 'Appwrite\'s presence response has no success member');
  assert.deepEqual((await listedPresences()).map((p) => p.$id), ['alice-presence']);
  const noProject = await fetch(`${endpoint}/realtime/presences`);
  assert.equal(noProject.status, 400, 'the list without a project');
  assert.equal(noProject.headers.get('content-type')?.split(';')[0], 'application/problem+json');

  // bob's presence keeps the default permissions (bob alone): bob sees it, the guest and the anonymous list do not;
  // alice's next update, published after it, proves the guest would have had it by then
  await bob.upsertPresence({ status: 'busy', presenceId: 'bob-presence' });
  await until(() => bobSees.with('presences.bob-presence.upsert').length > 0, WAIT_MS, 'bob\'s own presence at bob');
  await alice.upsertPresence({ status: 'away', presenceId: 'alice-presence', permissions: [Permission.read(Role.any())] });
  await until(() => guestSees.with(upserted).length === 2, WAIT_MS, 'alice\'s update at the guest');
  assert.equal(guestSees.with('presences.bob-presence.upsert').length, 0, 'the guest received bob\'s private presence');
  const listed = await listedPresences();
  assert.deepEqual(listed.map((p) => [p.$id, p.status, p.metadata]), [['alice-presence', 'away', { room: 'lobby' }]]);

  // closing alice's socket for good deletes her presence, for every reader and for the list
  await within(WAIT_MS, alice.disconnect(), 'alice\'s disconnect()');
  const deleted = 'presences.alice-presence.delete';
  await until(() => bobSees.with(deleted).length > 0 && guestSees.with(deleted).length > 0, WAIT_MS,
    'the delete of alice\'s presence at bob and at the guest');
  assert.equal(bobSees.with(deleted)[0].payload.$id, 'alice-presence');
  assert.deepEqual(await listedPresences(), []);

  assert.deepEqual(errors, [], 'Realtime onError fired');
  assert.equal(frames.filter((f) => f.socket >= firstSocket && f.direction === 'in'
    && JSON.parse(f.text).type === 'error').length, 0, 'an error frame on a presence socket');
  await within(WAIT_MS, bob.disconnect(), 'bob\'s disconnect()');
  await within(WAIT_MS, guest.disconnect(), 'the guest\'s disconnect()');
  await until(() => sockets.open === 0, WAIT_MS, 'every SDK socket closed');
}

await run(async () => {
  assert.ok(endpoint && project, 'usage: appwrite-sdk-queries-presence.mjs <SDK endpoint> <project>');
  await queries();
  await presence();
}, 50_000);
