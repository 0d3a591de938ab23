// Compiled by `npm test` (tsc --noEmit): the declared API is what the docs use, and misuse does not compile.
import { Realtime, Query, RealtimeError, backoffDelay, type RealtimeEvent, type ConnectionState } from '@indobase/realtime';

interface File { $id: string; name: string }

const realtime = new Realtime({ endpoint: 'http://localhost:8080/v1', project: 'demo', jwt: async () => 'token' });
const files = realtime.subscribe<File>(['files'], (event: RealtimeEvent<File>) => {
  const name: string = event.payload.name;
  const first: string = event.events[0];
  void name; void first;
}, { queries: [Query.equal('bucketId', 'photos')] });
files.update({ channels: 'files.create' });
void files.ready.then((s) => s.unsubscribe());
const off = realtime.onState((state: ConnectionState, info) => { void info.retryInMs; void state; });
off();
realtime.onResume(({ resumed, replayed }) => { if (!resumed) void replayed; });
realtime.onError((e: RealtimeError) => void e.code);
const delay: number = backoffDelay(3, { initialMs: 100 });
void delay;
realtime.close();

// @ts-expect-error the project is required
new Realtime({ endpoint: 'http://localhost:8080/v1' });
// @ts-expect-error a callback is required
realtime.subscribe('files');
