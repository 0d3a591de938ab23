// The README's run command end to end: bin/realtime run, the demo page in headless Chromium, an event published
// from the shell with bin/realtime publish, and a clean stop on Ctrl-C (SIGINT).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { root, port, startProduct, launchChromium } from './product.mjs';

function publish(...args) {
  return execFileSync(`${root}bin/realtime`, ['publish', '--project', 'demo', ...args], { encoding: 'utf8' });
}

test('an event published from the shell shows on the demo page within a second, the admin page can disconnect it, and Ctrl-C stops everything', { timeout: 360_000 }, async () => {
  const product = startProduct();
  let browser;
  try {
    await product.ready;
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/`);
    await page.waitForSelector('#status.open', { timeout: 15_000 });
    assert.equal(await page.textContent('#status'), 'connected: files');

    const started = Date.now();
    const out = publish();
    const name = out.match(/published (\S+)/)[1];
    await page.waitForSelector('#events li', { timeout: 1_000 });
    const elapsed = Date.now() - started;
    assert.equal(await page.textContent('#events li .event'), name);
    console.log(`event on the page ${elapsed} ms after bin/realtime publish started`);

    publish('--read', 'users', '--event', 'buckets.photos.files.usersOnly.create');
    publish('--read', 'guests', '--event', 'buckets.photos.files.forGuests.create');
    await page.waitForFunction(() => document.querySelectorAll('#events li').length >= 2, null, { timeout: 5_000 });
    assert.deepEqual(await page.$$eval('#events li .event', (els) => els.map((e) => e.textContent)),
      ['buckets.photos.files.forGuests.create', name]);

    // the operator's side: health, then the admin page with the one-run password the command printed
    const ready = await fetch(`http://localhost:${port}/health/ready`);
    assert.equal(ready.status, 200, await ready.text());
    const password = product.output().match(/user admin, password (\S+),/)[1];
    const admin = await browser.newContext({ httpCredentials: { username: 'admin', password } });
    const adminPage = await admin.newPage();
    await adminPage.goto(`http://localhost:${port}/admin/`);
    await adminPage.waitForSelector('#connections tbody tr', { timeout: 10_000 });
    assert.deepEqual(await adminPage.$$eval('#projects tbody tr td:first-child', (tds) => tds.map((t) => t.textContent)),
      ['demo']);
    await adminPage.click('#connections tbody tr button');
    await page.waitForSelector('#status.closed', { timeout: 5_000 });
    assert.equal(await page.textContent('#status'), 'closed (1008)');
    await admin.close();
  } finally {
    if (browser) await browser.close();
    product.child.kill('SIGINT');
  }
  const result = await Promise.race([product.exited, new Promise((r) => setTimeout(() => r('timeout'), 40_000))]);
  assert.notEqual(result, 'timeout', 'bin/realtime run did not stop within 40 s of Ctrl-C');
  const left = execFileSync('bash', ['-c', `pgrep -f "${root}.run/[p]ayara-micro.jar" || true`], { encoding: 'utf8' }).trim();
  assert.equal(left, '', 'Payara Micro still running after Ctrl-C');
});
