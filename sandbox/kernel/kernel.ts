/**
 * A simulated kernel instance: Kconfig switches, the version whose semantics
 * the model follows, opt-in proposals, and the runtime (virtual clock,
 * scheduler, kernel log, trace, per-subsystem state).
 * @module
 */
import { VirtualClock } from './clock.js';
import { LogBuffer, KERN_WARNING } from './printk.js';
import { TraceBuffer } from './trace.js';
import { Scheduler } from './sched.js';
import { Oops } from './oops.js';
import { set_current_kernel } from './current.js';
import { install_sched_reports } from './bug.js';

/** Kernel versions whose dma-buf semantics the model can follow. Only '6.12' is implemented now. */
export type KernelVersion = '6.12';

/** Opt-in proposals that are not in any released kernel. */
export interface KernelProposals {
  /**
   * The 2025 RFC "dma-buf: Introduce dma_buf_get_pfn_unlocked() kAPI" (Xu Yilun):
   * adds `dma_buf_ops.get_pfn` and `dma_buf_get_pfn_unlocked()`, lets an exporter
   * omit map/unmap when it has get_pfn, and lets an importer attach without a device.
   */
  rfc_get_pfn: boolean;
}

/** Options of {@link boot}. Every field is optional; defaults follow Debian's 6.12 config. */
export interface KernelConfig {
  /** Semantics to follow. Default '6.12'. */
  version: KernelVersion;
  /** CONFIG_DMABUF_MOVE_NOTIFY. Debian 6.12: not set (false). */
  CONFIG_DMABUF_MOVE_NOTIFY: boolean;
  /** CONFIG_DMABUF_DEBUG. Debian 6.12: not set (false). */
  CONFIG_DMABUF_DEBUG: boolean;
  /** CONFIG_HZ. Debian amd64: 250. */
  CONFIG_HZ: number;
  /** Opt-in proposals. Default: all off. */
  proposals: KernelProposals;
  /** Kernel log lines kept (ring buffer). Default 2048. */
  log_capacity: number;
  /** Trace events kept (ring buffer). Default 4096. */
  trace_capacity: number;
}

/** Debian 6.12 defaults. */
export const DEFAULT_CONFIG: Readonly<KernelConfig> = Object.freeze({
  version: '6.12',
  CONFIG_DMABUF_MOVE_NOTIFY: false,
  CONFIG_DMABUF_DEBUG: false,
  CONFIG_HZ: 250,
  proposals: Object.freeze({ rfc_get_pfn: false }),
  log_capacity: 2048,
  trace_capacity: 4096,
});

/** One simulated machine. Create with {@link boot}. */
export class Kernel {
  readonly config: Readonly<KernelConfig>;
  readonly clock: VirtualClock;
  readonly log: LogBuffer;
  readonly trace: TraceBuffer;
  readonly sched: Scheduler;
  /** Taint flags shown in reports ('W' after a warning). */
  taint = '';
  /** The first oops of this run, if any. Further calls into the model are refused. */
  oops: Oops | undefined;
  /** Sites of WARN_ON_ONCE that already fired. */
  readonly warned_once = new Set<string>();
  private ids = 1;
  private readonly state = new Map<symbol, unknown>();

  constructor(config: Partial<KernelConfig> = {}) {
    this.config = Object.freeze({
      ...DEFAULT_CONFIG,
      ...config,
      proposals: Object.freeze({ ...DEFAULT_CONFIG.proposals, ...(config.proposals ?? {}) }),
    });
    this.clock = new VirtualClock(this.config.CONFIG_HZ);
    this.log = new LogBuffer(this.config.log_capacity);
    this.trace = new TraceBuffer(this.config.trace_capacity, this.clock);
    this.sched = new Scheduler(this.clock);
    install_sched_reports(this);
  }

  /** A fresh object id for trace events (unique per instance, starting at 1). */
  nextId(): number {
    return this.ids++;
  }

  /** Per-subsystem state of this instance, created on first use by `init`. */
  subsys<T>(key: symbol, init: () => T): T {
    let v = this.state.get(key) as T | undefined;
    if (v === undefined) {
      v = init();
      this.state.set(key, v);
    }
    return v;
  }

  /** Write a line to the kernel log (and to the trace as a `log` event). */
  printk(level: number, text: string): void {
    this.log.write(this.clock.ns, level, text);
    this.trace.emit('log', text.split('\n')[0]!, 'kernel', 0, level);
  }

  /** Make this the current kernel instance; model calls act on it. */
  enter(): this {
    set_current_kernel(this);
    return this;
  }

  /**
   * Run `fn` against this kernel (made current). An {@link Oops} ends the run:
   * it is caught and returned, the rest of `fn` does not run.
   */
  run<T>(fn: (k: Kernel) => T): { result?: T; oops?: Oops } {
    const prev = set_current_kernel(this);
    try {
      return { result: fn(this) };
    } catch (e) {
      if (e instanceof Oops) return { oops: e };
      throw e;
    } finally {
      set_current_kernel(prev);
    }
  }

  /** Shorthand for a KERN_WARNING line. */
  warnLine(text: string): void {
    this.printk(KERN_WARNING, text);
  }
}

/**
 * Boot a new simulated kernel and make it current.
 * @example
 * const k = boot({ CONFIG_DMABUF_MOVE_NOTIFY: true });
 */
export function boot(config: Partial<KernelConfig> = {}): Kernel {
  return new Kernel(config).enter();
}
