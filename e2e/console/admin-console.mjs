// The operator's path on Payara Server (issue 18): the admin console in headless Chromium sets a realtime.* setting
// on the MicroProfile Config page and reloads the application, the running application honours it, and the
// application's own admin page (BASIC) lists and disconnects sockets. Run by realtime-system-test's AdminConsoleIT
// against the domain it deploys realtime.ear to; screenshots go to REALTIME_SCREENSHOTS (docs/operations.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchChromium } from '../product.mjs';
import { PayaraConsole } from './payara-console.mjs';
import { openMany, closeAll, closedWithin } from './sockets.mjs';

const env = process.env;
const consoleUrl = env.REALTIME_CONSOLE_URL || 'http://127.0.0.1:4848';
const app = env.REALTIME_APP_URL || 'http://127.0.0.1:8080/';
const shots = env.REALTIME_SCREENSHOTS || new URL('../../target/admin-console/', import.meta.url).pathname;
const shot = (name) => `${shots}/admin-console-${name}.png`;
const SETTING = 'realtime.security.sockets-per-address';
const CAP = 3;
const socketUrl = `${app.replace(/^http/, 'ws')}v1/realtime?project=console&channels[]=files`;

mkdirSync(shots, { recursive: true });
let browser, page, panel, demo, failed = false, held = [];

function step(name, body) {
  test(name, { timeout: 300_000 }, async (t) => {
    if (failed) return t.skip('an earlier step failed');
    try {
      await body();
    } catch (e) {
      failed = true;
      await page?.screenshot({ path: shot('failed'), fullPage: true }).catch(() => {});
      await page?.content().then((html) => writeFileSync(`${shots}/failed.html`, html)).catch(() => {});
      throw e;
    }
  });
}

const credentials = { username: env.REALTIME_ADMIN_USER || 'admin', password: env.REALTIME_ADMIN_PASSWORD || 'it-admin-secret' };

/** Polls the admin API until the node holds `count` connections (10 s at most). */
async function connectionsBecome(count, { username, password }) {
  const headers = { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
  for (const until = Date.now() + 10_000; ;) {
    const open = (await fetch(`${app}v1/realtime/admin/connections`, { headers }).then((r) => r.json())).length;
    if (open === count) return;
    if (Date.now() > until) throw new Error(`the node holds ${open} connections, not ${count}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function awaitReady() {
  const until = Date.now() + 120_000;
  for (;;) {
    // the server answers health on its own, also while the application is away: wait for the application's check
    const { status, checks } = await fetch(`${app}health/ready`).then((r) => r.json()).catch(() => ({}));
    if (status === 'UP' && checks?.some((c) => c.name === 'realtime-events-consumer')) return;
    if (Date.now() > until) throw new Error(`${app}health/ready answered ${status} for 120 s after the reload`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

test.before(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  panel = new PayaraConsole(page, consoleUrl);
});

test.after(async () => {
  await closeAll(held).catch(() => {});
  if (browser) await browser.close();
});

step('the console logs in and shows the realtime application with its RAR, EJB and web modules', async () => {
  await panel.logIn(env.REALTIME_CONSOLE_USER || 'admin', env.REALTIME_CONSOLE_PASSWORD || '', shot('1-login'));
  await panel.openApplication('realtime');
  assert.deepEqual((await panel.moduleNames()).sort(), ['artemis-rar.rar', 'realtime-ejb.jar', 'realtime-web.war']);
  await page.getByText('EventsMdb').waitFor();
  // the console scrolls an inner area, not the page: bring the modules table to the top of the picture
  await page.getByText(/Modules and Components \(\d+\)/).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: shot('2-application') });
});

step(`before the change, one address opens ${CAP + 1} sockets`, async () => {
  const sockets = await openMany(socketUrl, CAP + 1);
  assert.deepEqual(sockets.map((s) => s.first.type), Array(CAP + 1).fill('connected'));
  await closeAll(sockets);
});

step(`${SETTING}=${CAP} saved on the MicroProfile Config page takes effect when the console reloads the application`, async () => {
  await panel.setConfigProperty(SETTING, String(CAP));
  console.log(`after Save the console says: ${await panel.message()}`);
  await panel.openConfigProperties(); // a fresh page: what the domain holds now, not what the form kept
  const row = await panel.propertyRow(SETTING);
  assert.ok(row, `no row ${SETTING} after Save`);
  assert.equal(await row.value.inputValue(), String(CAP));
  await row.value.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('3-config-property') });
  const [before] = await openMany(socketUrl, 1);
  const started = Date.now();
  await panel.reload('realtime');
  console.log(`after Reload the console says: ${await panel.message()}`);
  // the old application's sockets close when it stops: only then is a ready answer the new one's
  assert.equal(await closedWithin(before, 120_000), 1001, 'close code of a socket open during the reload');
  await awaitReady();
  console.log(`reloaded and ready in ${Date.now() - started} ms`);

  held = await openMany(socketUrl, CAP);
  assert.deepEqual(held.map((s) => s.first.type), Array(CAP).fill('connected'));
  demo = await browser.newPage({ viewport: { width: 1100, height: 520 } });
  await demo.goto(app);
  await demo.waitForSelector('#events li.error', { timeout: 15_000 });
  assert.equal(await demo.textContent('#events li.error'), 'error 1013: Too many connections from this address.');
  await demo.waitForSelector('#status.reconnecting', { timeout: 5_000 });
  await demo.screenshot({ path: shot('4-refused') });
});

step('the application\'s admin page, signed in with BASIC, lists the sockets and disconnecting one lets the page in', async () => {
  const anonymous = await fetch(`${app}v1/realtime/admin/connections`);
  assert.equal(anonymous.status, 401);
  const admin = await browser.newContext({ viewport: { width: 1280, height: 620 }, httpCredentials: credentials });
  const adminPage = await admin.newPage();
  await adminPage.goto(`${app}admin/`);
  await adminPage.waitForFunction((n) => document.querySelectorAll('#connections tbody tr').length === n, CAP,
    { timeout: 15_000 });
  assert.deepEqual(await adminPage.$$eval('#projects tbody tr', (rows) => rows.map((r) => r.innerText.split('\t'))),
    [['console', String(CAP), String(CAP)]]);
  await adminPage.screenshot({ path: shot('5-app-admin') });

  await adminPage.locator('#connections tbody tr').first().getByRole('button', { name: 'disconnect' }).click();
  await adminPage.waitForSelector('#status:text-matches("^closed ")', { timeout: 10_000 });
  const code = await Promise.any(held.map((s) => closedWithin(s, 10_000)));
  assert.equal(code, 1008, 'close code of the disconnected socket');
  await connectionsBecome(CAP - 1, credentials); // the server has let go of its place under the cap

  await demo.getByRole('button', { name: 'Connect' }).click();
  await demo.waitForSelector('#status.open', { timeout: 15_000 });
  assert.equal(await demo.textContent('#status'), 'connected: files');
  await adminPage.reload();
  await adminPage.waitForFunction(() => document.querySelectorAll('#projects tbody tr').length === 2, null,
    { timeout: 15_000 });
  assert.deepEqual(await adminPage.$$eval('#projects tbody tr td:first-child', (tds) => tds.map((t) => t.textContent)).then((p) => p.sort()),
    ['console', 'demo']);
  await adminPage.screenshot({ path: shot('6-app-admin-after') });
  await admin.close();
});
