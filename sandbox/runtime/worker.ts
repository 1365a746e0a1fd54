/**
 * The sandbox worker (a dedicated module Web Worker, same origin). It runs one program at a
 * time on a fresh kernel and streams its trace, console and kernel log to the page; the page's
 * {@link RuntimeClient} enforces the time budget by terminating this worker.
 */
import { Batcher } from './batcher.ts';
import { applyMachineEvent } from './machine-events.ts';
import { runProgram, type ProgramRun } from './program.ts';
import { isToWorker, type Done, type FromWorker } from './protocol.ts';

declare const self: { onmessage: ((ev: { data: unknown }) => void) | null; postMessage(m: FromWorker): void };

let last: ProgramRun | undefined;

self.onmessage = async (ev) => {
  const m = ev.data;
  if (!isToWorker(m)) return;
  const batcher = new Batcher(m.runId, (b) => self.postMessage(b));
  let done: Omit<Done, 'type' | 'runId'>;
  if (m.type === 'run') {
    last = await runProgram(m.js, m.settings, batcher, m.sourceMap);
    done = last.done;
  } else {
    done = applyMachineEvent(last, m, batcher);
  }
  batcher.flush();
  self.postMessage({ type: 'done', runId: m.runId, ...done });
};
