/**
 * WARN and BUG, mirroring `include/asm-generic/bug.h` (v6.12), on the current kernel.
 *
 * A code location ({@link Site}) names the kernel file, line and function of the
 * WARN_ON/BUG_ON being mirrored, so the log line looks like the real one:
 * `WARNING: CPU: 0 PID: 1 at drivers/dma-buf/dma-buf.c:909 dma_buf_dynamic_attach+0x4c/0x2d0`.
 * @module
 */
import { K } from './current.js';
import { KERN_EMERG, KERN_ERR, KERN_WARNING } from './printk.js';
import { Oops } from './oops.js';
import type { Kernel } from './kernel.js';

/** A source location in the mirrored kernel: `[file, line, function]`. */
export type Site = readonly [file: string, line: number, func: string];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** `func+0xOFF/0xSIZE`, deterministic per function and line. */
export function symbolize(func: string, line = 0): string {
  const h = hash(func);
  const size = 0x80 + (h % 0x380);
  const off = (0x10 + ((h >>> 8) + line * 7) % (size - 0x10)) & ~3;
  return `${func}+0x${off.toString(16)}/0x${size.toString(16)}`;
}

function comm(k: Kernel): string {
  const t = k.sched.current;
  return `CPU: 0 UID: 0 PID: ${t.pid} Comm: ${t.comm} ${k.taint ? `Tainted: G        ${k.taint}` : 'Not tainted'} 6.12.0-model #1`;
}

/** Print a WARNING splat for `site` (with an optional message) and taint the kernel. */
export function warn_report(site: Site, msg?: string): void {
  const k = K();
  const [file, line, func] = site;
  const lines = ['------------[ cut here ]------------'];
  if (msg) lines.push(msg);
  lines.push(`WARNING: CPU: 0 PID: ${k.sched.current.pid} at ${file}:${line} ${symbolize(func, line)}`);
  lines.push(comm(k));
  lines.push(`RIP: 0010:${symbolize(func, line)}`);
  lines.push('---[ end trace 0000000000000000 ]---');
  k.printk(KERN_WARNING, lines.join('\n'));
  if (!k.taint.includes('W')) k.taint += 'W';
}

/** `WARN_ON(cond)`: when `cond` is truthy, print a WARNING for `site`. Returns `cond` as a boolean. */
export function WARN_ON(cond: unknown, site: Site): boolean {
  if (cond) warn_report(site);
  return !!cond;
}

/** `WARN(cond, fmt...)`: like WARN_ON with a message line. */
export function WARN(cond: unknown, site: Site, msg: string): boolean {
  if (cond) warn_report(site, msg);
  return !!cond;
}

/** `WARN_ON_ONCE(cond)`: warns only the first time per site and kernel instance. */
export function WARN_ON_ONCE(cond: unknown, site: Site): boolean {
  if (cond) {
    const k = K();
    const key = `${site[0]}:${site[1]}`;
    if (!k.warned_once.has(key)) {
      k.warned_once.add(key);
      warn_report(site);
    }
  }
  return !!cond;
}

/**
 * Print an oops report and throw {@link Oops}, ending the run. Further model calls
 * on this kernel are refused. Never returns.
 */
export function die(header: string[], site: Site | undefined, summary: string): never {
  const k = K();
  const lines = [...header];
  lines.push(`Oops: 0000 [#1] PREEMPT SMP NOPTI`);
  lines.push(comm(k));
  if (site) lines.push(`RIP: 0010:${symbolize(site[2], site[1])}`);
  lines.push('---[ end trace 0000000000000000 ]---');
  lines.push('Kernel panic - not syncing: Fatal exception');
  k.printk(KERN_EMERG, lines.join('\n'));
  const o = new Oops(summary, lines);
  if (!k.oops) k.oops = o;
  throw o;
}

/** `BUG_ON(cond)`: when `cond` is truthy, print `kernel BUG at FILE:LINE!` and oops. */
export function BUG_ON(cond: unknown, site: Site): void {
  if (cond) BUG(site);
}

/** `BUG()`: print `kernel BUG at FILE:LINE!` and oops. Never returns. */
export function BUG(site: Site): never {
  const s = `kernel BUG at ${site[0]}:${site[1]}!`;
  return die(['------------[ cut here ]------------', s], site, s);
}

/** `pr_err`: a KERN_ERR line. */
export function pr_err(text: string): void {
  K().printk(KERN_ERR, text);
}

/** `pr_info`: a KERN_INFO line. */
export function pr_info(text: string): void {
  K().printk(6, text);
}

/** `pr_warn`: a KERN_WARNING line. */
export function pr_warn(text: string): void {
  K().printk(KERN_WARNING, text);
}

/** Install the scheduler's hung-task and atomic-sleep reports on `k`. */
export function install_sched_reports(k: Kernel): void {
  k.sched.onBlockFailure = (why, what) => {
    const t = k.sched.current;
    if (why === 'atomic') {
      const s = `BUG: scheduling while atomic: ${t.comm}/${t.pid}/0x00000002`;
      return die([s, `blocked in ${what} while holding a spinlock or in a fence callback`], undefined, s);
    }
    // Nothing else can run: a real machine would hang here. Report like khungtaskd after 120 s.
    k.clock.advance(122e9);
    const s = `INFO: task ${t.comm}:${t.pid} blocked for more than 120 seconds.`;
    return die(
      [s, `      Not tainted 6.12.0-model #1`, `task:${t.comm} state:D stack:0 pid:${t.pid} waiting in ${what}`,
        'nothing else can run: this wait never finishes (deadlock)'],
      undefined, s,
    );
  };
}
