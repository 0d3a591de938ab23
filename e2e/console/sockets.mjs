// Plain WebSocket clients (ws on Node, no Origin header) for the console test: each socket keeps its first frame and,
// once closed, its close code.
import WebSocket from 'ws';

/** Opens a socket and resolves when its first frame arrived; `socket.closed` resolves to the close code. */
export function open(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => { ws.terminate(); reject(new Error(`no frame from ${url} within 10 s`)); }, 10_000);
    ws.closed = new Promise((done) => ws.on('close', (code) => done(code)));
    ws.once('message', (data) => {
      clearTimeout(timer);
      ws.first = JSON.parse(data.toString());
      resolve(ws);
    });
    ws.once('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

/** Opens `count` sockets one after the other (so the server sees them in this order). */
export async function openMany(url, count) {
  const sockets = [];
  for (let i = 0; i < count; i++) sockets.push(await open(url));
  return sockets;
}

/** Closes every socket (1000) and waits until each is closed. */
export async function closeAll(sockets) {
  for (const ws of sockets) if (ws.readyState === WebSocket.OPEN) ws.close(1000);
  await Promise.all(sockets.map((ws) => ws.closed));
}

/** Resolves with the close code within `ms`, or rejects. */
export function closedWithin(ws, ms) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`socket not closed within ${ms} ms`)), ms); });
  return Promise.race([ws.closed, late]).finally(() => clearTimeout(timer));
}
