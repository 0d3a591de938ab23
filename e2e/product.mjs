// The README's run command as the browser tests drive it: bin/realtime run in the background until it says it is
// running, Debian's Chromium through playwright-core, and what the command printed (passwords, the ingest key).
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

export const root = new URL('..', import.meta.url).pathname;
export const port = process.env.REALTIME_HTTP_PORT || '8080';
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Starts bin/realtime run with `env` added to this process's environment. */
export function startProduct(env = {}) {
  const child = spawn(`${root}bin/realtime`, ['run'], {
    cwd: root, env: { ...process.env, REALTIME_HTTP_PORT: port, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 240 s:\n${output}`)), 240_000);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('indobase Realtime is running')) { clearTimeout(timer); resolve(); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`bin/realtime run exited ${code}:\n${output}`)); });
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, ready, exited, output: () => output };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
