import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { RuntimeClient, type WorkerLike } from './client.ts';
import { SANDBOX_COMPILER_OPTIONS } from './compiler-options.ts';
import { runProgram, type RunSink } from './program.ts';
import { DEFAULT_SETTINGS, isFromWorker, isToWorker, type Batch, type ConsoleLine, type DmesgLine, type ToWorker } from './protocol.ts';
import { decodeShareLink, encodeShareLink, MAX_LINK_CHARS, ShareLinkError } from './share-link.ts';
import { buildTimeline, laneOf } from './timeline.ts';
import type { TraceEvent } from '../kernel/trace.ts';
import { DEFAULT_CONFIG } from '../kernel/kernel.ts';

function compile(code: string): { js: string; map: string } {
  const out = ts.transpileModule(code, { compilerOptions: SANDBOX_COMPILER_OPTIONS as unknown as ts.CompilerOptions, fileName: 'program.ts' });
  return { js: out.outputText, map: out.sourceMapText ?? '' };
}

function collect(): RunSink & { events: TraceEvent[]; lines: ConsoleLine[]; dmesgLines: DmesgLine[] } {
  const s = { events: [] as TraceEvent[], lines: [] as ConsoleLine[], dmesgLines: [] as DmesgLine[] };
  return { ...s, trace: (e) => s.events.push(e), console: (l) => s.lines.push(l), dmesg: (l) => s.dmesgLines.push(l), events: s.events, lines: s.lines, dmesgLines: s.dmesgLines };
}

describe('protocol', () => {
  it('defaults to the kernel instance defaults (Debian 6.12 config)', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      CONFIG_DMABUF_MOVE_NOTIFY: DEFAULT_CONFIG.CONFIG_DMABUF_MOVE_NOTIFY,
      CONFIG_DMABUF_DEBUG: DEFAULT_CONFIG.CONFIG_DMABUF_DEBUG,
      rfc_get_pfn: DEFAULT_CONFIG.proposals.rfc_get_pfn,
    });
  });

  it('accepts well-formed messages and rejects others', () => {
    expect(isToWorker({ type: 'run', runId: 1, js: '', settings: DEFAULT_SETTINGS })).toBe(true);
    expect(isToWorker({ type: 'event', runId: 1, machine: 'dma_fence', obj: 3, event: 'signal' })).toBe(true);
    expect(isToWorker({ type: 'run', runId: 1 })).toBe(false);
    expect(isToWorker(null)).toBe(false);
    expect(isFromWorker({ type: 'done', runId: 2, status: 'ok', virtualNs: 0, wallMs: 0 })).toBe(true);
    expect(isFromWorker({ type: 'batch' })).toBe(false);
  });
});

describe('share links', () => {
  it('round-trips code and non-default settings', () => {
    const s = { example: 'fences', code: 'const x = "é ü <b> {}";\n', settings: { ...DEFAULT_SETTINGS, CONFIG_DMABUF_MOVE_NOTIFY: true } };
    const hash = encodeShareLink(s);
    expect(hash.startsWith('#code/')).toBe(true);
    expect(decodeShareLink(hash)).toEqual(s);
  });
  it('ignores other hashes, refuses damaged and over-long links with a message', () => {
    expect(decodeShareLink('#c.dma_buf_attach')).toBeUndefined();
    expect(() => decodeShareLink('#code/garbage!!')).toThrow(ShareLinkError);
    expect(() => decodeShareLink(`#code/${'A'.repeat(MAX_LINK_CHARS)}`)).toThrow(/too long/);
    let random = '';
    let x = 12345;
    for (let i = 0; i < 20000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      random += String.fromCharCode(33 + (x % 90));
    }
    expect(() => encodeShareLink({ code: random, settings: DEFAULT_SETTINGS })).toThrow(/too long to share/);
  });
});

describe('timeline', () => {
  const ev = (seq: number, kind: TraceEvent['kind'], name: string, cls = 'dma_buf'): TraceEvent => ({ seq, ts: seq, kind, name, cls, obj: 1 });
  it('puts events in lanes and nests what happened during a call under it', () => {
    const t = buildTimeline([
      ev(0, 'callback', 'dma_buf_ops.attach'),
      ev(1, 'state', 'attach', 'dma_buf_attachment'),
      ev(2, 'call', 'dma_buf_dynamic_attach'),
      ev(3, 'callback', 'dma_buf_attach_ops.move_notify', 'dma_buf_attachment'),
      ev(4, 'call', 'dma_buf_move_notify'),
      ev(5, 'callback', 'dma_fence_func_t', 'dma_fence'),
    ]);
    expect(t.map((n) => n.event.name)).toEqual(['dma_buf_dynamic_attach', 'dma_buf_move_notify', 'dma_fence_func_t']);
    expect(t[0].children.map((c) => `${c.lane}:${c.event.name}`)).toEqual(['exporter:dma_buf_ops.attach', 'core:attach']);
    expect(t[1].children.map((c) => c.lane)).toEqual(['importer']);
    expect(laneOf(ev(6, 'state', 'signal', 'dma_fence'))).toBe('fence');
  });
  it('nests exactly when events carry their call depth', () => {
    const d = (e: TraceEvent, depth: number) => ({ ...e, depth });
    const t = buildTimeline([d(ev(0, 'callback', 'dma_buf_ops.map_dma_buf'), 2), d(ev(1, 'call', 'dma_buf_map_attachment'), 1), d(ev(2, 'call', 'dma_buf_map_attachment_unlocked'), 0)]);
    expect(t).toHaveLength(1);
    expect(t[0].children[0].event.name).toBe('dma_buf_map_attachment');
    expect(t[0].children[0].children[0].event.name).toBe('dma_buf_ops.map_dma_buf');
  });
});

describe('runProgram', () => {
  it('runs a program against a fresh kernel and streams console, dmesg and trace', async () => {
    const { js, map } = compile(`
import { dma_fence, dma_fence_init, dma_fence_context_alloc, dma_fence_signal, dma_fence_add_callback, dma_fence_cb, spinlock_t } from 'linux/dma-fence';
import { ENOENT } from 'linux/errno';
const f = new dma_fence();
dma_fence_init(f, { get_driver_name: () => 'demo', get_timeline_name: () => 't' }, new spinlock_t(), dma_fence_context_alloc(1), 1);
dma_fence_signal(f);
const r = dma_fence_add_callback(f, new dma_fence_cb(), () => {});
console.log('add_callback on a signaled fence:', r, r === -ENOENT);
`);
    const sink = collect();
    const run = await runProgram(js, DEFAULT_SETTINGS, sink, map);
    expect(run.done.status).toBe('ok');
    expect(sink.lines).toEqual([{ level: 'log', text: 'add_callback on a signaled fence: -2 true' }]);
    expect(sink.events.some((e) => e.kind === 'state' && e.name === 'signal')).toBe(true);
    expect([...run.objects.entries()].length).toBeGreaterThan(0);
  });

  it('reports a reader error at its editor line, and an unknown module clearly', async () => {
    const { js, map } = compile(`const a = 1;\ninterface X { y: number }\n\nfunction f(): number {\n  throw new TypeError('bad thing');\n}\nf();\n`);
    const run = await runProgram(js, DEFAULT_SETTINGS, collect(), map);
    expect(run.done).toMatchObject({ status: 'error', message: 'TypeError: bad thing', position: { line: 5 } });
    const bad = compile(`import { x } from 'linux/nope';\nconsole.log(x);`);
    const r2 = await runProgram(bad.js, DEFAULT_SETTINGS, collect(), bad.map);
    expect(r2.done.status).toBe('error');
    expect(r2.done.message).toMatch(/Cannot find module 'linux\/nope': the sandbox provides linux\/dma-buf/);
  });

  it('stops a program that floods the console', async () => {
    const { js } = compile(`for (let i = 0; i < 1e6; i++) console.log(i);`);
    const sink = collect();
    const run = await runProgram(js, DEFAULT_SETTINGS, sink);
    expect(run.done.status).toBe('killed');
    expect(run.done.message).toMatch(/output flood/);
    expect(sink.lines.length).toBe(5000);
  });
});

describe('RuntimeClient', () => {
  class FakeWorker implements WorkerLike {
    sent: ToWorker[] = [];
    terminated = false;
    onmessage: WorkerLike['onmessage'] = null;
    onerror: WorkerLike['onerror'] = null;
    postMessage(m: ToWorker) {
      this.sent.push(m);
    }
    terminate() {
      this.terminated = true;
    }
  }
  it('streams batches, resolves on done, kills a run over budget and replaces the worker', async () => {
    const workers: FakeWorker[] = [];
    let fire: (() => void) | undefined;
    const client = new RuntimeClient({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!), setTimeout: (fn) => (fire = fn), clearTimeout: () => {} });
    const batches: Batch[] = [];
    const p1 = client.run('x', DEFAULT_SETTINGS, { onBatch: (b) => batches.push(b) });
    const w = workers[0];
    w.onmessage!({ data: { type: 'batch', runId: 1, trace: [], console: [{ level: 'log', text: 'hi' }], dmesg: [] } });
    w.onmessage!({ data: { type: 'done', runId: 1, status: 'ok', virtualNs: 5, wallMs: 1 } });
    expect(await p1).toMatchObject({ status: 'ok', virtualNs: 5 });
    expect(batches).toHaveLength(1);
    const p2 = client.run('while(true){}', DEFAULT_SETTINGS);
    fire!();
    const d2 = await p2;
    expect(d2.status).toBe('killed');
    expect(d2.message).toMatch(/Stopped after 2 s/);
    expect(w.terminated).toBe(true);
    client.run('y', DEFAULT_SETTINGS);
    expect(workers).toHaveLength(2);
  });
  it('turns a worker crash into a message', async () => {
    const w = new FakeWorker();
    const client = new RuntimeClient({ createWorker: () => w, setTimeout: vi.fn(), clearTimeout: vi.fn() });
    const p = client.run('new Array(1e12).fill(0)', DEFAULT_SETTINGS);
    w.onerror!({ message: 'Uncaught RangeError: Invalid array length' });
    expect(await p).toMatchObject({ status: 'killed', message: expect.stringMatching(/worker crashed/) });
  });
});
