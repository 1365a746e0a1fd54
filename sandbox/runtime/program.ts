/**
 * Runs one reader program against a fresh simulated kernel: the single code path used by the
 * sandbox worker in the browser and by the example tests in Node.
 *
 * The program is CommonJS JavaScript (as the TypeScript compiler emits it); its `require` reaches
 * only {@link SANDBOX_MODULES}. Console output, kernel log lines and trace events stream to a sink
 * while it runs. An oops of the simulated kernel ends the run with status `oops`; an exception of
 * the reader's code ends it with `error`, positioned at the editor line through the source map.
 */
import { SourceMapConsumer } from 'source-map-js';
import { boot, type Kernel } from '../kernel/kernel.ts';
import { isOops } from '../kernel/oops.ts';
import { format_timestamp } from '../kernel/printk.ts';
import type { TraceEvent } from '../kernel/trace.ts';
import { SANDBOX_MODULES } from './modules.ts';
import { LIMITS, type ConsoleLine, type DmesgLine, type Done, type RunSettings, type SourcePosition } from './protocol.ts';
import { ObjectRegistry } from './objects.ts';

/** Receives what a run produces, as it happens. */
export interface RunSink {
  trace(e: TraceEvent): void;
  console(line: ConsoleLine): void;
  dmesg(line: DmesgLine): void;
}

export interface ProgramRun {
  done: Omit<Done, 'type' | 'runId'>;
  /** Where the kernel's trace and log go from now on (diagram events after the run re-point it). */
  sink: RunSink;
  /** The kernel the program ran on (kept for diagram events after the run). */
  kernel: Kernel;
  /** Objects the program created or handled, by trace object id. */
  objects: ObjectRegistry;
}

/** Thrown into the program when it floods the console. */
class OutputFlood extends Error {}

const SOURCE_URL = 'sandbox-program.js';

/** Runs `js` (CommonJS) with `settings` on a new kernel; never throws. */
export async function runProgram(js: string, settings: RunSettings, sink: RunSink, sourceMap?: string): Promise<ProgramRun> {
  const t0 = Date.now();
  const kernel = boot({
    CONFIG_DMABUF_MOVE_NOTIFY: settings.CONFIG_DMABUF_MOVE_NOTIFY,
    CONFIG_DMABUF_DEBUG: settings.CONFIG_DMABUF_DEBUG,
    proposals: { rfc_get_pfn: settings.rfc_get_pfn },
  });
  const objects = new ObjectRegistry();
  const out = { sink };
  kernel.trace.subscribe((e) => out.sink.trace(e));
  kernel.log.subscribe((r) => out.sink.dmesg({ level: r.level, line: `${format_timestamp(r.ts)} ${r.text}` }));

  let lines = 0;
  const write = (level: ConsoleLine['level']) => (...args: unknown[]) => {
    if (++lines > LIMITS.maxConsoleLines) throw new OutputFlood(`output flood: more than ${LIMITS.maxConsoleLines} console lines`);
    const text = args.map(formatArg).join(' ');
    sink.console({ level, text: text.length > LIMITS.maxLineChars ? `${text.slice(0, LIMITS.maxLineChars)}…` : text });
  };
  const console = { log: write('log'), info: write('info'), warn: write('warn'), error: write('error'), debug: write('debug') };
  const require = (name: string) => {
    const mod = SANDBOX_MODULES[name.replace(/\.(ts|js)$/, '')];
    if (!mod) throw new Error(`Cannot find module '${name}': the sandbox provides ${Object.keys(SANDBOX_MODULES).join(', ')}`);
    return objects.wrapModule(name, mod);
  };
  const module = { exports: {} as Record<string, unknown> };

  const finish = (status: Done['status'], message?: string, position?: SourcePosition): ProgramRun => ({
    done: { status, message, position, virtualNs: kernel.clock.ns, wallMs: Date.now() - t0 },
    get sink() {
      return out.sink;
    },
    set sink(s: RunSink) {
      out.sink = s;
    },
    kernel,
    objects,
  });
  try {
    // eslint-disable-next-line no-new-func
    const fn = new Function('require', 'exports', 'module', 'console', `${js}\n//# sourceURL=${SOURCE_URL}`);
    const ret = fn(require, module.exports, module, console);
    const main = module.exports.main ?? module.exports.default;
    const result = typeof main === 'function' ? main() : ret;
    if (result && typeof (result as Promise<unknown>).then === 'function') await result;
    return finish(kernel.oops ? 'oops' : 'ok', kernel.oops?.summary);
  } catch (e) {
    const position = positionOf(e, sourceMap);
    if (isOops(e)) return finish('oops', (e as Error).message, position);
    if (e instanceof OutputFlood) return finish('killed', e.message, position);
    const err = e instanceof Error ? `${e.name}: ${e.message}` : `Uncaught ${formatArg(e)}`;
    return finish('error', err, position);
  }
}

/** Formats a console argument the way a browser console shows it, compactly. */
export function formatArg(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined || typeof v === 'bigint') return String(v);
  if (typeof v === 'function') return `[Function ${v.name || 'anonymous'}]`;
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  try {
    const seen = new WeakSet<object>();
    return JSON.stringify(v, (_k, x: unknown) => {
      if (typeof x === 'bigint') return `${x}n`;
      if (typeof x === 'object' && x !== null) {
        if (seen.has(x)) return '[Circular]';
        seen.add(x);
      }
      return x;
    });
  } catch {
    return String(v);
  }
}

/**
 * The editor position of the innermost stack frame in the reader's program. `new Function`
 * prepends two lines (`function anonymous(...) {`), which are taken off before the source map.
 */
export function positionOf(e: unknown, sourceMap?: string): SourcePosition | undefined {
  const stack = e instanceof Error ? e.stack ?? '' : '';
  const m = new RegExp(`${SOURCE_URL.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(stack);
  if (!m) return undefined;
  const line = Number(m[1]) - 2;
  const column = Number(m[2]);
  if (!sourceMap) return { line, column };
  try {
    const consumer = new SourceMapConsumer(JSON.parse(sourceMap));
    const orig = consumer.originalPositionFor({ line, column: column - 1, bias: SourceMapConsumer.LEAST_UPPER_BOUND });
    if (orig.line) return { line: orig.line, column: (orig.column ?? 0) + 1 };
  } catch {
    /* fall back to the emitted position */
  }
  return { line, column };
}
