/**
 * The kernel log: a bounded ring buffer of kernel-style lines
 * (`[    0.000123] text`), like the kernel's printk ring (`kernel/printk/printk.c`).
 *
 * Memory is bounded: only the newest `capacity` lines are kept; older ones are
 * dropped (and counted in {@link LogBuffer.dropped}). Listeners see every line
 * as it is written, so a UI can stream the log without the buffer growing.
 * @module
 */

/** Log levels of `include/linux/kern_levels.h`. */
export const KERN_EMERG = 0;
export const KERN_ALERT = 1;
export const KERN_CRIT = 2;
export const KERN_ERR = 3;
export const KERN_WARNING = 4;
export const KERN_NOTICE = 5;
export const KERN_INFO = 6;
export const KERN_DEBUG = 7;

/** One log record: virtual time in nanoseconds, level, and the text without the timestamp. */
export interface LogRecord {
  /** Monotonic record number, starting at 0. */
  readonly seq: number;
  /** Virtual time of the record, in nanoseconds since boot. */
  readonly ts: number;
  /** KERN_* level. */
  readonly level: number;
  /** Text of the line, without timestamp. */
  readonly text: string;
}

/** Format a virtual-nanosecond timestamp as the kernel does: `[    1.000002]`. */
export function format_timestamp(ns: number): string {
  const sec = Math.floor(ns / 1e9);
  const usec = Math.floor((ns % 1e9) / 1e3);
  return `[${String(sec).padStart(5, ' ')}.${String(usec).padStart(6, '0')}]`;
}

/** Bounded ring buffer of log records. */
export class LogBuffer {
  private readonly ring: (LogRecord | undefined)[];
  private next = 0;
  /** Number of records ever written. */
  total = 0;
  private readonly listeners = new Set<(r: LogRecord) => void>();

  constructor(
    /** Maximum number of records kept. */
    readonly capacity = 2048,
  ) {
    this.ring = new Array(capacity);
  }

  /** Records dropped because the ring wrapped. */
  get dropped(): number {
    return Math.max(0, this.total - this.capacity);
  }

  /** Append a record; `text` may hold several lines, which become several records. */
  write(ts: number, level: number, text: string): void {
    for (const line of text.split('\n')) {
      const rec: LogRecord = { seq: this.total, ts, level, text: line };
      this.ring[this.next] = rec;
      this.next = (this.next + 1) % this.capacity;
      this.total++;
      for (const l of this.listeners) l(rec);
    }
  }

  /** The kept records, oldest first. */
  records(): LogRecord[] {
    const out: LogRecord[] = [];
    const n = Math.min(this.total, this.capacity);
    const start = this.total > this.capacity ? this.next : 0;
    for (let i = 0; i < n; i++) out.push(this.ring[(start + i) % this.capacity]!);
    return out;
  }

  /** The kept lines with timestamps, oldest first, like `dmesg`. */
  lines(): string[] {
    return this.records().map((r) => `${format_timestamp(r.ts)} ${r.text}`);
  }

  /** The kept lines without timestamps (handy in tests). */
  texts(): string[] {
    return this.records().map((r) => r.text);
  }

  /** Drop every kept record (like `dmesg -C`). */
  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.total = 0;
  }

  /** Call `fn` for every record written from now on. Returns an unsubscribe function. */
  subscribe(fn: (r: LogRecord) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
