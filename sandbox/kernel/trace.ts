/**
 * Typed trace events: every model API call, every exporter/importer callback
 * and every lifecycle change is recorded here, in a bounded ring buffer, and
 * streamed to listeners (the lifecycle machines, the call timeline).
 *
 * The event vocabulary (names and the object classes) is defined by the model
 * in `sandbox/linux/trace-events.ts`; this module only stores and streams.
 * @module
 */

/** What kind of thing happened. */
export type TraceKind =
  /** A model API was called by reader code or by the model itself; `ret` is its result. */
  | 'call'
  /** The model invoked an exporter, importer or fence callback (`dma_buf_ops.pin`, `move_notify`, a `dma_fence_func_t`). */
  | 'callback'
  /** A lifecycle change of an object; these are the events the lifecycle machines consume. */
  | 'state'
  /** A kernel log line was written (WARNING, lockdep, KASAN, BUG). */
  | 'log';

/** One trace record. */
export interface TraceEvent {
  /** Monotonic sequence number. */
  readonly seq: number;
  /** Virtual time in nanoseconds. */
  readonly ts: number;
  readonly kind: TraceKind;
  /** Function, callback or lifecycle event name, e.g. `dma_buf_attach`, `dma_buf_ops.pin`, `signal`. */
  readonly name: string;
  /** Object class the event is about: `dma_buf`, `dma_buf_attachment`, `dma_fence`, `dma_resv`, or `kernel`. */
  readonly cls: string;
  /** Id of the object the event is about (0 for none). */
  readonly obj: number;
  /** Return value of a call, if any: a number (errno or count), or a string such as `ERR_PTR(-22)`. */
  readonly ret?: number | string | boolean;
  /** Extra details (direction, usage, flags). Plain JSON-able values only. */
  readonly args?: Readonly<Record<string, string | number | boolean>>;
}

/** Bounded ring buffer of trace events with listeners. */
export class TraceBuffer {
  private readonly ring: (TraceEvent | undefined)[];
  private next = 0;
  /** Number of events ever emitted. */
  total = 0;
  /** When false, events are neither stored nor streamed. */
  enabled = true;
  private listeners: ((e: TraceEvent) => void)[] = [];
  /** Virtual clock source, set by the kernel. */
  now: () => number = () => 0;

  constructor(
    /** Maximum number of events kept. */
    readonly capacity = 4096,
  ) {
    this.ring = new Array(capacity);
  }

  /** Record an event. */
  emit(
    kind: TraceKind,
    name: string,
    cls: string,
    obj: number,
    ret?: number | string | boolean,
    args?: Record<string, string | number | boolean>,
  ): void {
    if (!this.enabled) return;
    const e: TraceEvent = { seq: this.total++, ts: this.now(), kind, name, cls, obj, ret, args };
    this.ring[this.next] = e;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!(e);
  }

  /** Kept events, oldest first. */
  events(): TraceEvent[] {
    const out: TraceEvent[] = [];
    const n = Math.min(this.total, this.capacity);
    const start = this.total > this.capacity ? this.next : 0;
    for (let i = 0; i < n; i++) out.push(this.ring[(start + i) % this.capacity]!);
    return out;
  }

  /** Call `fn` for every event from now on. Returns an unsubscribe function. */
  subscribe(fn: (e: TraceEvent) => void): () => void {
    this.listeners = [...this.listeners, fn];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }
}
