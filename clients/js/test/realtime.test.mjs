// The client against a scripted server: batches, routing, reconnect and resume, refusals, heartbeat, credentials.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { Realtime, RealtimeError } from '../src/index.js';
import { scriptedServer, until } from './scripted-server.mjs';

const fast = { backoff: { initialMs: 20, maxMs: 100 }, heartbeat: { intervalMs: 60_000, timeoutMs: 30_000 } };
const cleanups = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()(); });

async function setUp(options = {}, serverOptions = {}) {
  const server = await scriptedServer(serverOptions);
  const realtime = new Realtime({ endpoint: server.endpoint, project: 'demo', ...fast, ...options });
  const states = [];
  const resumptions = [];
  const errors = [];
  realtime.onState((state, info) => states.push({ state, ...info }));
  realtime.onResume((r) => resumptions.push(r));
  realtime.onError((e) => errors.push(e));
  cleanups.push(() => server.close(), () => realtime.close());
  return { server, realtime, states, resumptions, errors };
}

test('subscribes in one batch after connected and routes each event to the subscriptions it names', async () => {
  const { server, realtime, states } = await setUp();
  const files = [];
  const docs = [];
  const a = realtime.subscribe('files', (e) => files.push(e));
  const b = realtime.subscribe(['documents', 'files'], (e) => docs.push(e), { queries: ['{"method":"select","values":["*"]}'] });
  const connection = await server.connection(0);
  const subscribe = await connection.message('subscribe');
  assert.deepEqual(subscribe.data, [
    { subscriptionId: a.id, channels: ['files'], queries: [] },
    { subscriptionId: b.id, channels: ['documents', 'files'], queries: ['{"method":"select","values":["*"]}'] }]);
  assert.equal(connection.url.pathname, '/v1/realtime');
  assert.equal(connection.url.searchParams.get('project'), 'demo');
  assert.equal(connection.url.searchParams.has('lastEventId'), false);
  assert.equal(await a.ready, a);
  await b.ready;
  connection.event('ID:1', [a.id, b.id], { $id: 'f1' });
  connection.event('ID:2', [b.id]);
  await until(() => docs.length === 2);
  assert.deepEqual(files.map((e) => e.id), ['ID:1']);
  assert.deepEqual(docs.map((e) => e.id), ['ID:1', 'ID:2']);
  assert.deepEqual(files[0].payload, { $id: 'f1' });
  assert.deepEqual(states.map((s) => s.state), ['connecting', 'open']);
  assert.equal(server.connections.length, 1, 'one socket for every subscription');
});

test('a lost socket is reopened with lastEventId and every subscription, and the resume answer is reported', async () => {
  const { server, realtime, states, resumptions } = await setUp();
  const seen = [];
  const files = realtime.subscribe('files', (e) => seen.push(e.id));
  const first = await server.connection(0);
  await files.ready;
  first.event('ID:1', [files.id]);
  first.event('ID:2', [files.id]);
  await until(() => seen.length === 2);
  first.ws.terminate();
  const second = await server.connection(1);
  assert.equal(second.url.searchParams.get('lastEventId'), 'ID:2');
  const again = await second.message('subscribe');
  assert.deepEqual(again.data.map((s) => s.subscriptionId), [files.id]);
  second.send({ type: 'response', data: { to: 'resume', success: true, lastEventId: 'ID:2', resumed: true, replayed: 1 } });
  second.event('ID:3', [files.id]);
  await until(() => seen.length === 3);
  assert.deepEqual(seen, ['ID:1', 'ID:2', 'ID:3']);
  assert.deepEqual(resumptions, [{ lastEventId: 'ID:2', resumed: true, replayed: 1, reason: '' }]);
  const reconnecting = states.find((s) => s.state === 'reconnecting');
  assert.equal(reconnecting.code, 1006);
  assert.ok(reconnecting.retryInMs >= 10 && reconnecting.retryInMs <= 30, `first retry ${reconnecting.retryInMs} ms`);
  assert.deepEqual(states.map((s) => s.state), ['connecting', 'open', 'reconnecting', 'open']);
});

test('close 1008 ends the client for good, with the error frame as the reason', async () => {
  const { server, realtime, states } = await setUp();
  realtime.subscribe('files', () => {});
  const connection = await server.connection(0);
  await connection.message('subscribe');
  connection.send({ type: 'error', data: { code: 1008, message: 'Disconnected by an operator' } });
  connection.ws.close(1008, 'Disconnected by an operator');
  await until(() => realtime.state === 'closed');
  assert.deepEqual(states.at(-1), { state: 'closed', previous: 'open', code: 1008, reason: 'Disconnected by an operator', retryInMs: 0 });
  assert.equal(server.connections.length, 1, 'no reconnect after a policy violation');
});

test('with a jwt function it signs in before subscribing, and an expired session reconnects with a fresh token', async () => {
  let issued = 0;
  const { server, realtime, states } = await setUp({ jwt: async () => `token-${++issued}` });
  realtime.subscribe('account', () => {});
  const first = await server.connection(0);
  await first.message('subscribe');
  assert.deepEqual(first.messages.map((m) => m.type), ['authentication', 'subscribe'], 'signed in first');
  assert.deepEqual(first.messages[0].data, { session: 'token-1' });
  first.send({ type: 'error', data: { code: 1008, message: 'The session expired.' } });
  first.ws.close(1008, 'The session expired.');
  const second = await server.connection(1);
  assert.deepEqual((await second.message('authentication')).data, { session: 'token-2' });
  await second.message('subscribe');
  assert.ok(states.some((s) => s.state === 'reconnecting' && s.reason === 'The session expired.'));
});

test('a socket that leaves a ping unanswered is dropped and replaced', async () => {
  const { server, realtime, states } = await setUp({ heartbeat: { intervalMs: 50, timeoutMs: 30 } }, { answerPings: false });
  realtime.subscribe('files', () => {});
  await (await server.connection(0)).message('ping');
  const second = await server.connection(1);
  server.answerPings = true;
  await second.message('subscribe');
  const lost = states.find((s) => s.state === 'reconnecting');
  assert.match(lost.reason, /no answer to a ping within 30 ms/);
});

test('update replaces a subscription, unsubscribe removes it, and after the last one the client is idle', async () => {
  const { server, realtime, states } = await setUp();
  const files = realtime.subscribe('files', () => {});
  const docs = realtime.subscribe('documents', () => {});
  const connection = await server.connection(0);
  await files.ready;
  files.update({ channels: ['files.create'], queries: ['{"method":"isNotNull","attribute":"name","values":[]}'] });
  assert.deepEqual((await connection.message('subscribe', 1)).data,
    [{ subscriptionId: files.id, channels: ['files.create'], queries: ['{"method":"isNotNull","attribute":"name","values":[]}'] }]);
  files.unsubscribe();
  assert.deepEqual((await connection.message('unsubscribe')).data, [{ subscriptionId: files.id }]);
  const closed = new Promise((resolve) => connection.ws.once('close', resolve));
  docs.unsubscribe();
  assert.equal(await closed, 1000);
  assert.equal(realtime.state, 'idle');
  assert.deepEqual(states.map((s) => s.state), ['connecting', 'open', 'idle']);
  realtime.subscribe('files', () => {});
  const fresh = await server.connection(1);
  assert.equal(fresh.url.searchParams.has('lastEventId'), false, 'a new subscription does not resume an old one');
});

test('an API key goes in the X-Indobase-Key header of the handshake', async () => {
  const { server, realtime } = await setUp({ apiKey: 'rk_reports_abc' });
  realtime.subscribe('files', () => {});
  const connection = await server.connection(0);
  assert.equal(connection.headers['x-indobase-key'], 'rk_reports_abc');
  assert.equal(connection.url.search.includes('rk_'), false, 'never in the URL');
});

test('a refused subscription rejects its ready promise and is reported to onError; the socket stays', async () => {
  const { server, realtime, errors } = await setUp();
  const good = realtime.subscribe('files', () => {});
  const connection = await server.connection(0);
  await good.ready;
  server.connections[0].ws.removeAllListeners('message');
  connection.ws.on('message', () => connection.send({ type: 'error', data: { code: 1003, message: 'Invalid query: nope' } }));
  const bad = realtime.subscribe('files', () => {}, { queries: ['nope'] });
  await assert.rejects(bad.ready, (e) => e instanceof RealtimeError && e.code === 1003 && e.message === 'Invalid query: nope');
  assert.equal(errors.length, 1);
  assert.equal(realtime.state, 'open');
});

test('bad settings are refused when the client is made', () => {
  assert.throws(() => new Realtime({ project: 'demo' }), /endpoint is required/);
  assert.throws(() => new Realtime({ endpoint: 'http://h/v1', project: 'no spaces' }), /invalid project id/);
  assert.throws(() => new Realtime({ endpoint: 'ftp://h/v1', project: 'demo' }), /http\(s\) or ws\(s\)/);
  const realtime = new Realtime({ endpoint: 'http://h/v1', project: 'demo' });
  assert.throws(() => realtime.subscribe([], () => {}), /one or more strings/);
  assert.throws(() => realtime.subscribe('files'), /callback must be a function/);
});
