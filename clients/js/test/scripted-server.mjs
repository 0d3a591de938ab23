// A WebSocket server that speaks the protocol's happy path (connected, responses, pong) and lets a test break it:
// the client's unit tests run against it; the real server is tested by the browser test and the Java client's IT.
import { WebSocketServer } from 'ws';

export async function scriptedServer({ answerPings = true } = {}) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  const connections = [];
  const waiting = [];
  const server = {
    endpoint: `http://127.0.0.1:${wss.address().port}/v1`,
    connections,
    answerPings,
    /** The n-th connection (0-based), once it is there. */
    connection(n) {
      return connections[n] ? Promise.resolve(connections[n]) : new Promise((resolve) => waiting.push({ n, resolve }));
    },
    close: () => new Promise((resolve) => { wss.clients.forEach((c) => c.terminate()); wss.close(resolve); }),
  };
  wss.on('connection', (ws, request) => {
    const url = new URL(request.url, 'http://x');
    const messages = [];
    const listeners = [];
    const connection = {
      url, headers: request.headers, messages, ws,
      send: (frame) => ws.send(JSON.stringify(frame)),
      /** The next message of type `type` (one already received counts), parsed. */
      message(type, skip = 0) {
        const found = messages.filter((m) => m.type === type);
        if (found.length > skip) return Promise.resolve(found[skip]);
        return new Promise((resolve) => listeners.push({ type, skip, resolve }));
      },
      event(id, subscriptions, payload = {}) {
        ws.send(JSON.stringify({ type: 'event', id, data: {
          events: ['buckets.b1.files.f1.create'], channels: ['files'], timestamp: '2026-11-28T10:20:30.123+00:00',
          payload, subscriptions } }));
      },
    };
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      messages.push(message);
      if (message.type === 'ping' && server.answerPings) connection.send({ type: 'pong' });
      if (message.type === 'subscribe') {
        connection.send({ type: 'response', data: { to: 'subscribe', success: true, subscriptions: message.data } });
      }
      if (message.type === 'unsubscribe') connection.send({ type: 'response', data: { to: 'unsubscribe', success: true } });
      if (message.type === 'authentication') connection.send({ type: 'response', data: { to: 'authentication', success: true } });
      for (const l of [...listeners]) {
        if (l.type === message.type && messages.filter((m) => m.type === l.type).length > l.skip) {
          listeners.splice(listeners.indexOf(l), 1);
          l.resolve(message);
        }
      }
    });
    connections.push(connection);
    connection.send({ type: 'connected', data: { channels: [], subscriptions: [], user: null } });
    for (const w of [...waiting]) {
      if (connections[w.n]) { waiting.splice(waiting.indexOf(w), 1); w.resolve(connections[w.n]); }
    }
  });
  return server;
}

/** Resolves when `predicate()` holds, checking after every state change and event; rejects after `ms`. */
export function until(predicate, ms = 5000) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (predicate()) { clearInterval(timer); resolve(); } else if (Date.now() - started > ms) {
        clearInterval(timer);
        reject(new Error(`not within ${ms} ms: ${predicate}`));
      }
    }, 5);
  });
}
