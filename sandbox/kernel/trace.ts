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

/**
 * Bounded ring buffer of trace events with listeners.
 *
 * Emission is on the model's hottest paths (millions of fence callbacks in the
 * chain selftests), so the ring is kept as parallel arrays filled in place: an
 * emit with nobody listening allocates nothing. {@link TraceEvent} objects are
 * built only for listeners and by {@link TraceBuffer.events}.
 */
export class TraceBuffer {
  private readonly ts: Float64Array;
  private readonly kind: TraceKind[];
  private readonly name: string[];
  private readonly cls: string[];
  private readonly obj: Float64Array;
  private readonly ret: (number | string | boolean | undefined)[];
  private readonly args: (Record<string, string | number | boolean> | undefined)[];
  private next = 0;
  /** Number of events ever emitted. */
  total = 0;
  /** When false, events are neither stored nor streamed. */
  enabled = true;
  private listeners: ((e: TraceEvent) => void)[] = [];
  /** Virtual clock source, set by the kernel. */
  now: () => number = () => 0;

  constructor(
    /** Maximum number of events kept (at least 1). */
    readonly capacity = 4096,
  ) {
    const n = Math.max(1, capacity);
    this.ts = new Float64Array(n);
    this.obj = new Float64Array(n);
    this.kind = new Array<TraceKind>(n).fill('call');
    this.name = new Array<string>(n).fill('');
    this.cls = new Array<string>(n).fill('');
    this.ret = new Array(n).fill(undefined);
    this.args = new Array(n).fill(undefined);
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
    const i = this.next;
    const ts = this.now();
    this.ts[i] = ts;
    this.kind[i] = kind;
    this.name[i] = name;
    this.cls[i] = cls;
    this.obj[i] = obj;
    this.ret[i] = ret;
    this.args[i] = args;
    this.next = i + 1 === this.ts.length ? 0 : i + 1;
    const seq = this.total++;
    const ls = this.listeners;
    if (ls.length === 0) return;
    const e: TraceEvent = { seq, ts, kind, name, cls, obj, ret, args };
    for (let j = 0; j < ls.length; j++) ls[j]!(e);
  }

  /** Kept events, oldest first. */
  events(): TraceEvent[] {
    const out: TraceEvent[] = [];
    const cap = this.ts.length;
    const n = Math.min(this.total, cap);
    const start = this.total > cap ? this.next : 0;
    for (let k = 0; k < n; k++) {
      const i = (start + k) % cap;
      out.push({
        seq: this.total - n + k,
        ts: this.ts[i]!,
        kind: this.kind[i]!,
        name: this.name[i]!,
        cls: this.cls[i]!,
        obj: this.obj[i]!,
        ret: this.ret[i],
        args: this.args[i],
      });
    }
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
