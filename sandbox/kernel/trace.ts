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

/** A ring slot, overwritten in place. */
class TraceSlot {
  seq = 0;
  ts = 0.5;
  kind: TraceKind = 'call';
  name = '';
  cls = '';
  obj = 0;
  ret: number | string | boolean | undefined = undefined;
  args: Record<string, string | number | boolean> | undefined = undefined;
}

/**
 * Bounded ring buffer of trace events with listeners.
 *
 * Emission is on the model's hottest paths (millions of fence callbacks in the
 * chain selftests), so the ring holds preallocated slots overwritten in place:
 * an emit with nobody listening allocates nothing. {@link TraceEvent} objects
 * are built only for listeners and by {@link TraceBuffer.events}.
 */
export class TraceBuffer {
  private readonly ring: TraceSlot[];
  private next = 0;
  /** Number of events ever emitted. */
  total = 0;
  /** When false, events are neither stored nor streamed. */
  enabled = true;
  private listeners: ((e: TraceEvent) => void)[] = [];
  /**
   * Virtual clock source when no clock object is given (tests, tools); the
   * kernel passes its clock, read directly on every emit.
   */
  now: () => number = () => 0;

  constructor(
    /** Maximum number of events kept (at least 1). */
    readonly capacity = 4096,
    /** Virtual clock whose `ns` stamps each event; without it, {@link TraceBuffer.now} does. */
    private readonly clock: { readonly ns: number } | null = null,
  ) {
    this.ring = Array.from({ length: Math.max(1, capacity) }, () => new TraceSlot());
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
    const ring = this.ring;
    const i = this.next;
    const e = ring[i]!;
    this.next = i + 1 === ring.length ? 0 : i + 1;
    e.seq = this.total++;
    e.ts = this.clock !== null ? this.clock.ns : this.now();
    e.kind = kind;
    e.name = name;
    e.cls = cls;
    e.obj = obj;
    e.ret = ret;
    e.args = args;
    if (this.listeners.length !== 0) this.stream(e);
  }

  private stream(s: TraceSlot): void {
    const e: TraceEvent = { seq: s.seq, ts: s.ts, kind: s.kind, name: s.name, cls: s.cls, obj: s.obj, ret: s.ret, args: s.args };
    const ls = this.listeners;
    for (let j = 0; j < ls.length; j++) ls[j]!(e);
  }

  /** Kept events, oldest first. */
  events(): TraceEvent[] {
    const out: TraceEvent[] = [];
    const cap = this.ring.length;
    const n = Math.min(this.total, cap);
    const start = this.total > cap ? this.next : 0;
    for (let k = 0; k < n; k++) {
      const s = this.ring[(start + k) % cap]!;
      out.push({ seq: s.seq, ts: s.ts, kind: s.kind, name: s.name, cls: s.cls, obj: s.obj, ret: s.ret, args: s.args });
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
