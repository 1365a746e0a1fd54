/**
 * The page side of the sandbox runtime: owns one worker, sends it programs, enforces the time
 * budget and turns every way a run can end into a message. A run that exceeds its budget, floods
 * the page with output or crashes the worker (an enormous allocation) has its worker terminated
 * and replaced; the page itself never waits on the program.
 *
 * It imports only the protocol, and takes the worker factory as a parameter, so it runs in Node
 * tests with a fake worker and in the browser with `new Worker(new URL(...))`.
 */
import { isFromWorker, LIMITS, type Batch, type Done, type EventRequest, type RunSettings, type ToWorker } from './protocol.ts';

/** The subset of `Worker` the client uses. */
export interface WorkerLike {
  postMessage(m: ToWorker): void;
  terminate(): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: { message?: string; preventDefault?: () => void }) => void) | null;
}

export interface RunHandlers {
  /** Streamed output of the run, in order. */
  onBatch?(b: Batch): void;
}

export interface RuntimeClientOptions {
  createWorker: () => WorkerLike;
  /** Real-time budget per run in milliseconds (default {@link LIMITS.budgetMs}). */
  budgetMs?: number;
  /** Trace events + console + dmesg lines a run may stream before it is stopped. */
  maxStreamed?: number;
  /** Timer functions (tests pass fakes). */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (t: unknown) => void;
}

export class RuntimeClient {
  private worker: WorkerLike | undefined;
  private runId = 0;
  private active: { runId: number; resolve: (d: Done) => void; handlers: RunHandlers; timer: unknown; streamed: number; t0: number } | undefined;
  private readonly budgetMs: number;
  private readonly maxStreamed: number;
  private readonly setT: (fn: () => void, ms: number) => unknown;
  private readonly clearT: (t: unknown) => void;

  constructor(private readonly o: RuntimeClientOptions) {
    this.budgetMs = o.budgetMs ?? LIMITS.budgetMs;
    this.maxStreamed = o.maxStreamed ?? 200_000;
    this.setT = o.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearT = o.clearTimeout ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** Starts the worker ahead of the first run (so Run answers fast). */
  warmUp(): void {
    this.ensureWorker();
  }

  /** Runs a program; resolves when it ends, however it ends. A run in progress is stopped first. */
  run(js: string, settings: RunSettings, handlers: RunHandlers = {}, sourceMap?: string): Promise<Done> {
    if (this.active) this.kill('Stopped: a new run was started.');
    const runId = ++this.runId;
    const w = this.ensureWorker();
    return new Promise<Done>((resolve) => {
      const timer = this.setT(() => this.kill(`Stopped after ${this.budgetMs / 1000} s: the program did not finish within its time budget (an endless loop, a wait that never ends, or an allocation too large to finish?). The page kept running; edit the code and run again.`), this.budgetMs);
      this.active = { runId, resolve, handlers, timer, streamed: 0, t0: Date.now() };
      w.postMessage({ type: 'run', runId, js, sourceMap, settings });
    });
  }

  /** Sends a diagram event for an object of the last run; its effects arrive as batches of that run. */
  event(e: Omit<EventRequest, 'type' | 'runId'>, handlers: RunHandlers = {}): Promise<Done> {
    const w = this.ensureWorker();
    const runId = ++this.runId;
    return new Promise<Done>((resolve) => {
      const timer = this.setT(() => this.kill('Stopped: the event did not complete in time.'), this.budgetMs);
      this.active = { runId, resolve, handlers, timer, streamed: 0, t0: Date.now() };
      w.postMessage({ type: 'event', runId, ...e });
    });
  }

  /** Stops the current run, if any, and discards the worker. */
  stop(): void {
    if (this.active) this.kill('Stopped by the reader.');
  }

  dispose(): void {
    this.stop();
    this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.o.createWorker();
    w.onmessage = (ev) => this.onMessage(ev.data);
    w.onerror = (ev) => {
      ev.preventDefault?.();
      this.kill(`The sandbox worker crashed${ev.message ? ` (${ev.message})` : ''}: most likely the program allocated more memory than the page allows.`);
    };
    this.worker = w;
    return w;
  }

  private onMessage(m: unknown): void {
    const a = this.active;
    if (!isFromWorker(m) || !a || m.runId !== a.runId) return;
    if (m.type === 'batch') {
      a.streamed += m.trace.length + m.console.length + m.dmesg.length;
      a.handlers.onBatch?.(m);
      if (a.streamed > this.maxStreamed) this.kill(`Stopped: the program produced more than ${this.maxStreamed} lines of output and events.`);
      return;
    }
    this.clearT(a.timer);
    this.active = undefined;
    a.resolve(m);
  }

  private kill(message: string): void {
    const a = this.active;
    this.worker?.terminate();
    this.worker = undefined;
    if (!a) return;
    this.clearT(a.timer);
    this.active = undefined;
    a.resolve({ type: 'done', runId: a.runId, status: 'killed', message, virtualNs: 0, wallMs: Date.now() - a.t0 });
  }
}
