/**
 * The message protocol between the page and the sandbox worker. Plain JSON-able data only, so
 * the same messages can be checked in Node tests and logged.
 *
 * Page → worker: `run` (a program with its settings) and `event` (a machine event clicked on a
 * diagram, applied to the objects of the last run). Worker → page: `batch` (trace events,
 * console lines, kernel log lines, streamed while the program runs) and `done`.
 */
import type { TraceEvent } from '../kernel/trace.ts';

/** Kconfig switches and proposals a run is made with (a fresh kernel instance each run). */
export interface RunSettings {
  CONFIG_DMABUF_MOVE_NOTIFY: boolean;
  CONFIG_DMABUF_DEBUG: boolean;
  /** The 2025 RFC: `get_pfn` exporter op and `dma_buf_get_pfn_unlocked()`. */
  rfc_get_pfn: boolean;
}

/** Debian 6.12's configuration, the default of every run. */
export const DEFAULT_SETTINGS: Readonly<RunSettings> = Object.freeze({
  CONFIG_DMABUF_MOVE_NOTIFY: false,
  CONFIG_DMABUF_DEBUG: false,
  rfc_get_pfn: false,
});

export interface RunRequest {
  type: 'run';
  runId: number;
  /** CommonJS JavaScript as emitted by the TypeScript compiler (Monaco's TS worker on the page). */
  js: string;
  /** The emitted source map (JSON), to report errors at editor line numbers. */
  sourceMap?: string;
  settings: RunSettings;
}

/** A lifecycle-machine event clicked on a diagram, for an object of the last run. */
export interface EventRequest {
  type: 'event';
  runId: number;
  /** Machine id: `dma_buf`, `dma_buf_attachment`, `dma_fence`. */
  machine: string;
  /** Object id (the trace's `obj`). */
  obj: number;
  /** Machine event type (the model's trace vocabulary), e.g. `move_notify`, `signal`. */
  event: string;
}

export type ToWorker = RunRequest | EventRequest;

/** One line written by the program through `console.*`. */
export interface ConsoleLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
}

/** A kernel log line as `dmesg` prints it (`[    0.000123] text`) with its level. */
export interface DmesgLine {
  level: number;
  line: string;
}

export interface Batch {
  type: 'batch';
  runId: number;
  trace: TraceEvent[];
  console: ConsoleLine[];
  dmesg: DmesgLine[];
}

/** Where in the reader's code an error was raised (1-based, editor coordinates). */
export interface SourcePosition {
  line: number;
  column: number;
}

export type RunStatus =
  /** The program finished. */
  | 'ok'
  /** The simulated kernel oopsed (BUG, KASAN, refcount underflow, deadlock): the run ended there. */
  | 'oops'
  /** The program threw (a JavaScript error of the reader's code). */
  | 'error'
  /** The page stopped the worker: time budget, output flood or worker crash. */
  | 'killed';

export interface Done {
  type: 'done';
  runId: number;
  status: RunStatus;
  /** Human-readable reason for `oops`, `error`, `killed`. */
  message?: string;
  position?: SourcePosition;
  /** Virtual time at the end of the run, in nanoseconds. */
  virtualNs: number;
  /** Real time the run took in the worker, in milliseconds. */
  wallMs: number;
}

export type FromWorker = Batch | Done;

/** Runtime guard for messages arriving from a worker. */
export function isFromWorker(m: unknown): m is FromWorker {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  const id = (m as { runId?: unknown }).runId;
  return (t === 'batch' || t === 'done') && typeof id === 'number';
}

/** Runtime guard for messages arriving at the worker. */
export function isToWorker(m: unknown): m is ToWorker {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as { type?: unknown; js?: unknown; runId?: unknown; settings?: unknown; machine?: unknown; obj?: unknown; event?: unknown };
  if (r.type === 'run') return typeof r.js === 'string' && typeof r.runId === 'number' && typeof r.settings === 'object';
  if (r.type === 'event') return typeof r.machine === 'string' && typeof r.obj === 'number' && typeof r.event === 'string';
  return false;
}

/** Limits a run is held to (the page enforces time; the worker enforces output). */
export const LIMITS = Object.freeze({
  /** Real-time budget of a run, milliseconds. */
  budgetMs: 2000,
  /** Console lines a run may print before it is stopped. */
  maxConsoleLines: 5000,
  /** Characters of one console line kept. */
  maxLineChars: 2000,
});
