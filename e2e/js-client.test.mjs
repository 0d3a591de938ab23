// The JS client (clients/js) in headless Chromium against the run command: a network drop simulated by the test,
// the demo page's connection state, and the browser page of docs/clients.md as written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { root, port, startProduct, launchChromium } from './product.mjs';

const docsPagePort = 8000; // what docs/clients.md says
let product;
let browser;
let ingestKey;

before(async () => {
  product = startProduct({ REALTIME_SECURITY_ORIGINS: `same-origin,http://localhost:${docsPagePort}` });
  await product.ready;
  ingestKey = product.output().match(/X-Indobase-Key: (rk_[^']+)'/)[1];
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  product?.child.kill('SIGINT');
  await Promise.race([product?.exited, new Promise((r) => setTimeout(r, 40_000))]);
});

function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Publishes over HTTP ingest with the run's key: a file event of `project`, readable by anyone. */
async function publish(project, name) {
  const envelope = { project, event: `buckets.photos.files.${name}.create`, payload: { $id: name, name }, permissions: ['read("any")'] };
  const response = await fetch(`http://localhost:${port}/v1/realtime/events`, {
    method: 'POST', headers: { 'X-Indobase-Key': ingestKey, 'Content-Type': 'application/json' }, body: JSON.stringify(envelope),
  });
  assert.equal(response.status, 202, await response.text());
}

/**
 * Routes the page's realtime sockets through the test: each is connected to the server and carried both ways until
 * the test drops it, after which nothing passes in either direction and neither end is told (a dead network path).
 */
async function routeSockets(page) {
  const sockets = [];
  await page.routeWebSocket(/\/v1\/realtime/, (ws) => {
    const server = ws.connectToServer();
    const socket = { url: new URL(ws.url()), dropped: false, page: ws, server };
    ws.onMessage((m) => { if (!socket.dropped) server.send(m); });
    server.onMessage((m) => { if (!socket.dropped) ws.send(m); });
    ws.onClose((code, reason) => { if (!socket.dropped) server.close({ code, reason }); });
    server.onClose((code, reason) => { if (!socket.dropped) ws.close({ code, reason }); });
    sockets.push(socket);
  });
  return sockets;
}

test('the client in Chromium gets the events published during a network drop once, in order, after the heartbeat finds it', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  const sockets = await routeSockets(page);
  await page.goto(`http://localhost:${port}/`);
  await page.evaluate(async () => {
    const { Realtime } = await import('/js/realtime/index.js');
    const realtime = new Realtime({ endpoint: '/v1', project: 'e2e', heartbeat: { intervalMs: 3000, timeoutMs: 1500 },
      backoff: { initialMs: 200, maxMs: 2000 } });
    Object.assign(window, { got: [], states: [], resumes: [] });
    realtime.onState((state, info) => window.states.push({ state, ...info }));
    realtime.onResume((r) => window.resumes.push(r));
    await realtime.subscribe('files', (e) => window.got.push({ id: e.id, name: e.payload.$id })).ready;
  });
  const ours = () => sockets.filter((s) => s.url.searchParams.get('project') === 'e2e');
  for (const n of [1, 2, 3]) await publish('e2e', `e${n}`);
  await page.waitForFunction(() => window.got.length === 3, null, { timeout: 10_000 });

  ours()[0].dropped = true;
  for (const n of [4, 5, 6, 7, 8]) await publish('e2e', `e${n}`);
  await page.waitForFunction(() => window.resumes.length === 1, null, { timeout: 15_000 });
  for (const n of [9, 10]) await publish('e2e', `e${n}`);
  await page.waitForFunction(() => window.got.length >= 10, null, { timeout: 10_000 });

  const got = await page.evaluate(() => window.got);
  assert.deepEqual(got.map((e) => e.name), ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10'], 'once, in order');
  assert.equal(new Set(got.map((e) => e.id)).size, 10);
  assert.equal(ours().length, 2, 'one new socket');
  assert.equal(ours()[1].url.searchParams.get('lastEventId'), got[2].id, 'it resumed from the last event received');
  const [resume] = await page.evaluate(() => window.resumes);
  assert.deepEqual({ resumed: resume.resumed, replayed: resume.replayed }, { resumed: true, replayed: 5 });
  const states = await page.evaluate(() => window.states);
  assert.deepEqual(states.map((s) => s.state), ['connecting', 'open', 'reconnecting', 'open']);
  assert.match(states[2].reason, /no answer to a ping within 1500 ms/);
  await page.close();
});

test('the demo page shows the connection state: reconnecting after a drop, then connected with what was replayed', { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  const sockets = await routeSockets(page);
  await page.goto(`http://localhost:${port}/`);
  await page.waitForSelector('#status.open', { timeout: 15_000 });
  await publish('demo', 'before');
  await page.waitForSelector('#events li .event', { timeout: 5_000 });
  // the path breaks and the page's side learns it (as a browser does when the network changes): close 1006-like
  sockets[0].dropped = true;
  await publish('demo', 'during');
  await sockets[0].page.close({ code: 4000, reason: 'network changed' });
  await page.waitForSelector('#status.reconnecting', { timeout: 5_000 });
  await page.waitForSelector('#status.open', { timeout: 10_000 });
  await page.waitForSelector('#events li.note', { timeout: 5_000 });
  assert.equal(await page.textContent('#events li.note'), 'reconnected: 1 missed event(s) replayed, none lost');
  assert.deepEqual(await page.$$eval('#events li .event', (els) => els.map((e) => e.textContent)),
    ['buckets.photos.files.during.create', 'buckets.photos.files.before.create']);
  assert.equal(await page.textContent('#status'), 'connected: files');
  await page.close();
});

/** The first fenced block of that language in docs/clients.md. */
function docsBlock(language) {
  const docs = readFileSync(join(root, 'docs/clients.md'), 'utf8');
  return docs.match(new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```'))[1];
}

test('the browser page of docs/clients.md runs as written', { timeout: 60_000 }, async () => {
  // what the docs do with mkdir, cp and python3 -m http.server: index.html and a copy of clients/js/src as realtime/
  const page = docsBlock('html');
  const files = new Map([['/', { body: page, type: 'text/html' }], ['/index.html', { body: page, type: 'text/html' }]]);
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    let file = files.get(path);
    if (!file && path.startsWith('/realtime/') && extname(path) === '.js') {
      try { file = { body: readFileSync(join(root, 'clients/js/src', path.slice('/realtime/'.length))), type: 'text/javascript' }; } catch { /* 404 */ }
    }
    response.writeHead(file ? 200 : 404, { 'Content-Type': file?.type ?? 'text/plain' }).end(file?.body ?? 'not found');
  });
  await new Promise((resolve) => server.listen(docsPagePort, '127.0.0.1', resolve));
  try {
    const tab = await browser.newPage();
    // the docs publish once the page shows the connection: here, once the server has confirmed the subscription
    const subscribed = new Promise((resolve) => tab.on('websocket', (ws) => ws.on('framereceived', (frame) => {
      if (String(frame.payload).includes('"to":"subscribe"')) resolve();
    })));
    await tab.goto(`http://localhost:${docsPagePort}/`);
    await tab.waitForFunction(() => document.getElementById('state').value === 'open', null, { timeout: 15_000 });
    await within(subscribed, 10_000, 'the response to the page\'s subscribe');
    const out = execFileSync(`${root}bin/realtime`, ['publish'], { encoding: 'utf8' });
    const name = out.match(/published (\S+)/)[1];
    await tab.waitForSelector('#events li', { timeout: 10_000 });
    assert.match(await tab.textContent('#events li'), new RegExp(`^${name.replaceAll('.', '\\.')} f\\d+\\.jpg$`));
    await tab.close();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
