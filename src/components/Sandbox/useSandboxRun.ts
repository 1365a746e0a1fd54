/**
 * State of a sandbox's runs: streams batches from the runtime worker into React state (one
 * render per animation frame at most), and records how the run ended.
 */
import { useCallback, useRef, useState } from 'react';
import type { TraceEvent } from '../../../sandbox/kernel/trace';
import type { ConsoleLine, DmesgLine, Done, RunSettings } from '../../../sandbox/runtime/protocol';
import { runtimeClient } from './runtime';

export interface RunView {
  status: 'idle' | 'compiling' | 'running' | Done['status'];
  trace: TraceEvent[];
  console: ConsoleLine[];
  dmesg: DmesgLine[];
  done?: Done;
  /** Compile errors reported before the run. */
  compileError?: string;
  /** performance.now() when Run was pressed and when the first trace event arrived (benchmarks). */
  startedAt?: number;
  firstEventAt?: number;
}

const EMPTY: RunView = { status: 'idle', trace: [], console: [], dmesg: [] };

export function useSandboxRun() {
  const [view, setView] = useState<RunView>(EMPTY);
  const acc = useRef<RunView>(EMPTY);
  const frame = useRef<number | undefined>(undefined);

  const publish = useCallback(() => {
    if (frame.current !== undefined) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined;
      setView({ ...acc.current });
    });
  }, []);

  const handlers = {
    onBatch: (b: { trace: TraceEvent[]; console: ConsoleLine[]; dmesg: DmesgLine[] }) => {
      const a = acc.current;
      if (a.firstEventAt === undefined && b.trace.length) a.firstEventAt = performance.now();
      acc.current = { ...a, trace: a.trace.concat(b.trace), console: a.console.concat(b.console), dmesg: a.dmesg.concat(b.dmesg) };
      publish();
    },
  };

  const finish = (done: Done) => {
    acc.current = { ...acc.current, status: done.status, done };
    setView({ ...acc.current });
  };

  /** Compiles with `emit` and runs; a run in progress is replaced. */
  const run = useCallback(async (emit: () => Promise<{ js: string; map?: string }>, settings: RunSettings) => {
    acc.current = { ...EMPTY, status: 'compiling', startedAt: performance.now() };
    setView(acc.current);
    let out: { js: string; map?: string };
    try {
      out = await emit();
    } catch (e) {
      acc.current = { ...acc.current, status: 'error', compileError: String(e) };
      setView(acc.current);
      return;
    }
    acc.current = { ...acc.current, status: 'running' };
    setView(acc.current);
    finish(await runtimeClient().run(out.js, settings, handlers, out.map));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Applies a diagram event to an object of the last run; its effects append to this run. */
  const event = useCallback(async (machine: string, obj: number, type: string) => {
    acc.current = { ...acc.current, status: 'running' };
    setView({ ...acc.current });
    finish(await runtimeClient().event({ machine, obj, event: type }, handlers));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const stop = useCallback(() => runtimeClient().stop(), []);
  const reset = useCallback(() => {
    acc.current = EMPTY;
    setView(EMPTY);
  }, []);

  return { view, run, event, stop, reset };
}
