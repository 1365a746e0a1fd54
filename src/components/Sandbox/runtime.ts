/**
 * The page's sandbox runtime: one {@link RuntimeClient} per page, whose worker is the bundled
 * `sandbox/runtime/worker.ts` started as a same-origin module worker. Browser only.
 */
import { RuntimeClient, type WorkerLike } from '../../../sandbox/runtime/client';

function createWorker(): WorkerLike {
  const w = new Worker(new URL('../../../sandbox/runtime/worker.ts', import.meta.url), { type: 'module', name: 'sandbox-runtime' });
  const like: WorkerLike = {
    postMessage: (m) => w.postMessage(m),
    terminate: () => w.terminate(),
    onmessage: null,
    onerror: null,
  };
  w.onmessage = (ev) => like.onmessage?.({ data: ev.data });
  w.onerror = (ev) => like.onerror?.({ message: ev.message, preventDefault: () => ev.preventDefault() });
  return like;
}

let client: RuntimeClient | undefined;

export function runtimeClient(): RuntimeClient {
  client ??= new RuntimeClient({ createWorker });
  return client;
}
