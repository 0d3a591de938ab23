// Where the socket is and which WebSocket opens it: the platform's in browsers (and Node 22+), the ws package on
// older Node and whenever handshake headers (an API key) are needed, which the platform's WebSocket cannot send.

/** `<endpoint>/realtime?project=P[&lastEventId=…]` with ws: for http: and wss: for https:. */
export function socketUrl(endpoint, project, lastEventId) {
  const url = new URL(String(endpoint), globalThis.location?.href);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new TypeError(`the endpoint must be http(s) or ws(s): ${endpoint}`);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/realtime`;
  url.search = '';
  url.searchParams.set('project', project);
  if (lastEventId != null) url.searchParams.set('lastEventId', lastEventId);
  return url.href;
}

let wsPackage;

export async function socketClass({ WebSocket: given, apiKey }) {
  if (given) return given;
  if (!apiKey && typeof globalThis.WebSocket === 'function') return globalThis.WebSocket;
  if (apiKey && typeof globalThis.window !== 'undefined') {
    throw new Error('API keys are for servers: a browser must not hold one (sign users in with a JWT instead)');
  }
  wsPackage ??= import('ws').then((module) => module.default ?? module.WebSocket);
  try {
    return await wsPackage;
  } catch {
    wsPackage = undefined;
    throw new Error(apiKey ? 'an API key needs the ws package on Node: npm install ws'
      : 'no WebSocket here: install the ws package (npm install ws) or use Node 22+');
  }
}

/** A client-chosen subscription id in Appwrite's CustomId shape: 20 hex digits. */
export function newId() {
  const bytes = new Uint8Array(10);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else bytes.forEach((_, i) => { bytes[i] = Math.floor(Math.random() * 256); });
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
