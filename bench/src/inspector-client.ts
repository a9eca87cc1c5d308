// A minimal client of Node's inspector (the Chrome DevTools protocol over WebSocket),
// for a benchmark that reads the heap of a server it started with `--inspect`: a full
// garbage collection and `process.memoryUsage()` as the server sees it (the heap
// cannot be read from /proc), and a CPU profile of a stretch of the run. Only while a
// figure is taken is a session attached: an inspector nobody is attached to costs
// the server nothing.
import WebSocket from 'ws';

export interface ServerMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface InspectorSession {
  /** A full collection first, so that garbage left by earlier work is not counted. */
  memoryAfterGc(): Promise<ServerMemory>;
  startProfile(): Promise<void>;
  /** The `.cpuprofile` JSON of what ran since `startProfile`. */
  stopProfile(): Promise<string>;
  close(): Promise<void>;
}

export async function attachInspector(port: number): Promise<InspectorSession> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl?: string }[];
  const target = targets.find((t) => t.webSocketDebuggerUrl)?.webSocketDebuggerUrl;
  if (!target) throw new Error(`no inspector target on 127.0.0.1:${port}`);
  const socket = new WebSocket(target, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiter?.reject(new Error(`inspector: ${message.error.message}`));
    else waiter?.resolve(message.result);
  });
  function call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  }

  return {
    async memoryAfterGc() {
      await call('HeapProfiler.collectGarbage');
      const { result } = await call<{ result: { value: string } }>('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      });
      return JSON.parse(result.value) as ServerMemory;
    },
    async startProfile() {
      await call('Profiler.enable');
      await call('Profiler.setSamplingInterval', { interval: 500 });
      await call('Profiler.start');
    },
    async stopProfile() {
      const { profile } = await call<{ profile: unknown }>('Profiler.stop');
      await call('Profiler.disable');
      return JSON.stringify(profile);
    },
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.close();
      await closed;
    },
  };
}
