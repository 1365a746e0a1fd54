/**
 * Every example runs as a test through the browser's code path: compiled with `transpileModule`
 * and the sandbox compiler options, run by `runProgram` on a fresh kernel with the example's
 * settings (`settings.json`). Asserted per example: the final status, the console lines, the
 * kernel log lines that matter (exact text), and that its trace is accepted by the lifecycle
 * machines (conformance direction 2).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { createActor } from 'xstate';
import { describe, it, expect } from 'vitest';
import { SANDBOX_COMPILER_OPTIONS } from '../runtime/compiler-options.ts';
import { runProgram } from '../runtime/program.ts';
import { SANDBOX_MODULES } from '../runtime/modules.ts';
import { DEFAULT_SETTINGS, type Done, type RunSettings } from '../runtime/protocol.ts';
import { accept_trace, type TraceCheckResult } from '../machines/trace-check.ts';
import { dmaBufAttachmentMachine } from '../machines/dma-buf-attachment.machine.ts';
import type { TraceEvent } from '../kernel/trace.ts';
import order from './order.json';
import settingsById from './settings.json';

const DIR = path.dirname(new URL(import.meta.url).pathname);
const ids = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_')).map((f) => f.replace(/\.ts$/, ''));
const source = (id: string) => fs.readFileSync(path.join(DIR, `${id}.ts`), 'utf8');

interface Result {
  done: Omit<Done, 'type' | 'runId'>;
  out: string[];
  /** Kernel log lines without the `[    0.000000] ` timestamp. */
  dmesg: string[];
  trace: TraceEvent[];
  checked: TraceCheckResult;
}

async function run(id: string, overrides: Partial<RunSettings> = {}): Promise<Result> {
  const settings = { ...DEFAULT_SETTINGS, ...(settingsById as Record<string, Partial<RunSettings>>)[id], ...overrides };
  const { outputText, sourceMapText } = ts.transpileModule(source(id), {
    compilerOptions: SANDBOX_COMPILER_OPTIONS as unknown as ts.CompilerOptions,
    fileName: 'program.ts',
  });
  const out: string[] = [];
  const dmesg: string[] = [];
  const trace: TraceEvent[] = [];
  const { done } = await runProgram(outputText, settings, {
    trace: (e) => trace.push(e),
    console: (l) => out.push(l.text),
    dmesg: (l) => dmesg.push(...l.line.replace(/^\[[ \d.]+\] /, '').split('\n')),
  }, sourceMapText);
  return { done, out, dmesg, trace, checked: accept_trace(trace) };
}

/** The mapping-region states an attachment's machine goes through in a trace. */
function mappingStates(trace: TraceEvent[]): string[] {
  const ev = trace.filter((e) => e.kind === 'state' && e.cls === 'dma_buf_attachment');
  const first = ev.find((e) => e.name === 'attach')!;
  const actor = createActor(dmaBufAttachmentMachine, { input: { dynamic: !!first.args?.dynamic, exporter_dynamic: !!first.args?.exporter_dynamic } }).start();
  const seen: string[] = [];
  for (const e of ev) {
    if (e.obj !== first.obj || e.name === 'attach') continue;
    actor.send(e.name === 'map' || e.name === 'unmap' ? { type: e.name, cached: !!e.args?.cached } : ({ type: e.name } as never));
    const v = actor.getSnapshot().value;
    const s = typeof v === 'string' ? v : (v as { attached: { mapping: string } }).attached.mapping;
    if (seen.at(-1) !== s) seen.push(s);
  }
  return seen;
}

describe('example files', () => {
  it('order.json lists every example once, basics first and mistakes last', () => {
    expect([...order].sort()).toEqual([...ids].sort());
    const firstMistake = order.findIndex((id) => id.startsWith('mistake-'));
    expect(order.slice(firstMistake).every((id) => id.startsWith('mistake-'))).toBe(true);
    expect(order[0]).toBe('exporter-basics');
  });

  it.each(ids)('%s is a reader program: title, summary, bare sandbox imports, top-level code', (id) => {
    const text = source(id);
    expect(text).toMatch(/^\/\*\*\n \* [A-Z][^\n]+\n \*\n \* \S/);
    const specs = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(specs.length).toBeGreaterThan(0);
    for (const s of specs) expect(Object.keys(SANDBOX_MODULES)).toContain(s);
    expect(text).not.toMatch(/^export /m);
  });
});

describe('examples', () => {
  it('exporter-basics', async () => {
    const r = await run('exporter-basics');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      'exported 16384 bytes, refs=1',
      'fd=3, refs=1',
      'dma_buf_get(3) is the same buffer: true, refs=2',
      'after dma_buf_put: refs=1',
      'release(): freeing 4 pages at pfn 0x4200',
      'freed: true',
    ]);
    expect(r.dmesg).toEqual([]);
    expect(r.trace.some((e) => e.kind === 'callback' && e.name === 'dma_buf_ops.release')).toBe(true);
    expect(r.checked.dma_buf).toBe(4);
  });

  it('static-importer', async () => {
    const r = await run('static-importer');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      'display0: pfn 0x100000 at bus address 0xea30000000, 8192 bytes',
      'camera0:  pfn 0x100000 at bus address 0x2680000000',
      'attachments: 2',
      'attachments after detach: 0',
    ]);
    expect(r.dmesg).toEqual([]);
    expect(r.checked.dma_buf_attachment).toBe(6);
  });

  it('static-importer-dynamic-exporter', async () => {
    const r = await run('static-importer-dynamic-exporter');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      'exporter dynamic: true, buffer in vram',
      'importer dynamic: false',
      'after attach: pin_count=1, placement=system, cached DMA_BIDIRECTIONAL table: true',
      'map returns the cached table: true (pfn 0x100000 at 0xea30000000)',
      'after unmap: still cached: true',
      'vram_evict while attached: -EBUSY',
      'after detach: pin_count=0',
      'vram_evict after detach: 0, now in vram',
    ]);
    expect(r.dmesg).toEqual([]);
    const calls = r.trace.filter((e) => e.kind === 'callback').map((e) => e.name);
    expect(calls.filter((n) => n === 'dma_buf_ops.map_dma_buf')).toHaveLength(1);
    expect(calls).toContain('dma_buf_ops.pin');
    expect(calls).toContain('dma_buf_ops.unpin');
    expect(r.checked.dma_buf_attachment).toBeGreaterThan(3);
  });

  it('dynamic-importer: move_notify → invalidated → re-mapped at new addresses', async () => {
    const r = await run('dynamic-importer');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      'mapped:    pfn 0x800000 (vram) at 0x8270000000',
      'move_notify: mapping at 0x8270000000 is now stale',
      're-mapped: pfn 0x100000 (system) at 0x8270002000',
      'moves: 1, freed: true',
    ]);
    expect(r.dmesg).toEqual([]);
    expect(mappingStates(r.trace)).toEqual(['mapped', 'invalidated', 'mapped', 'unmapped', 'detached']);
    expect(r.trace.some((e) => e.kind === 'callback' && e.name === 'dma_buf_attach_ops.move_notify')).toBe(true);
    expect(r.checked.dma_buf_attachment).toBe(6);
  });

  it('dynamic-importer with CONFIG_DMABUF_MOVE_NOTIFY off: the map pins, eviction is refused', async () => {
    const r = await run('dynamic-importer', { CONFIG_DMABUF_MOVE_NOTIFY: false });
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      'mapped:    pfn 0x800000 (vram) at 0x8270000000',
      'vram_evict: -EBUSY: the mapping pinned the buffer (CONFIG_DMABUF_MOVE_NOTIFY is off)',
      'moves: 0, freed: true',
    ]);
    expect(r.dmesg).toEqual([]);
    expect(r.checked.dma_buf_attachment).toBeGreaterThan(3);
  });

  it('p2p', async () => {
    const r = await run('p2p');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      'display0 (static): -EOPNOTSUPP',
      'nic0 (p2p importer, no p2p path): -EOPNOTSUPP',
      'gpu1 (p2p importer): attached, peer2peer=true',
      'gpu1 DMAs straight to the BAR at 0xf800000000',
    ]);
    expect(r.dmesg).toEqual([]);
    expect(r.checked.dma_buf_attachment).toBeGreaterThan(2);
  });

  it('cpu-access', async () => {
    const r = await run('cpu-access');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      't=0us: decode queued, done: false',
      't=800us: begin_cpu_access = 0, decode done: true, cache syncs: 1',
      'vmap: vaddr 0xffffd90000000, vmapping_counter=1',
      'second vmap: same address: true, vmapping_counter=2',
      'after vunmap: vmapping_counter=0',
      'end_cpu_access = 0, cache syncs: 2',
    ]);
    expect(r.dmesg).toEqual([]);
    expect(r.done.virtualNs).toBe(800_000);
    expect(r.checked.dma_buf).toBeGreaterThan(5);
    expect(r.checked.dma_fence).toBeGreaterThan(0);
  });

  it('fences', async () => {
    const r = await run('fences');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      'add_callback on a pending fence: 0',
      'dma_fence_signal(f1):',
      '  callback: blit done, fence seqno 1',
      'f1 status: signaled',
      'remove_callback: true',
      't=20000us: wait_timeout(f2, 20 ms) = 0',
      't=30000us: wait_timeout(job, 100 ms) = 23 jiffies left (92 ms)',
      't=30500us: failed job status: -EIO',
      'timeline at 2: point 1 signaled, point 3 pending',
      'timeline closed: point 3 -ENOENT, signaled: true',
    ]);
    expect(r.dmesg).toEqual([]);
    expect(r.checked.dma_fence).toBeGreaterThan(10);
  });

  it('implicit-sync', async () => {
    const r = await run('implicit-sync');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      't=0us: gpu0 queued a 4000 us job as DMA_RESV_USAGE_WRITE',
      't=4000us: venc0 queued a 3000 us job as DMA_RESV_USAGE_READ',
      't=4000us: display0 queued a 16000 us job as DMA_RESV_USAGE_READ',
      '  venc0 seq 1: DMA_RESV_USAGE_READ, pending',
      '  display0 seq 1: DMA_RESV_USAGE_READ, pending',
      't=4000us: writers done: true, readers done: false',
      't=20000us: CPU may write (wait returned 22); encoder done: true, display done: true',
    ]);
    expect(r.dmesg).toEqual([]);
    expect(r.checked.dma_fence).toBeGreaterThan(5);
  });

  it('pin-and-mmap: a pinned framebuffer cannot move; unpinned, move_notify; mmap checks the range', async () => {
    const r = await run('pin-and-mmap');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      'prepare_fb: 0, pin_count 1, scanning out of vram at 0xea30000000',
      'eviction while on screen: -EBUSY',
      'after cleanup_fb: pin_count 0',
      'move_notify: pinned false, mapping is now stale',
      'eviction after unpin: 0, now in system',
      'prepare_fb: 0, scanning out of system at 0xea30004000',
      "dma_buf_mmap(2 pages at page 1): 0, vm_file is the dma-buf's: true, vm_pgoff 1",
      'dma_buf_mmap(2 pages at page 3): -EINVAL: past the end of the buffer',
    ]);
    expect(r.dmesg).toEqual([]);
    const calls = r.trace.filter((e) => e.kind === 'call').map((e) => e.name);
    expect(calls.filter((n) => n === 'dma_buf_pin')).toHaveLength(2);
    expect(calls.filter((n) => n === 'dma_buf_unpin')).toHaveLength(2);
    expect(calls.filter((n) => n === 'dma_buf_mmap')).toHaveLength(1);
    expect(mappingStates(r.trace)).toEqual(['unmapped', 'mapped', 'invalidated', 'unmapped', 'mapped', 'unmapped', 'detached']);
    expect(r.checked.dma_buf_attachment).toBe(10);
  });

  it('pin-and-mmap with CONFIG_DMABUF_MOVE_NOTIFY off: the mapping keeps the buffer pinned', async () => {
    const r = await run('pin-and-mmap', { CONFIG_DMABUF_MOVE_NOTIFY: false });
    expect(r.done.status).toBe('ok');
    expect(r.out.slice(0, 5)).toEqual([
      'prepare_fb: 0, pin_count 2, scanning out of vram at 0xea30000000',
      'eviction while on screen: -EBUSY',
      'after cleanup_fb: pin_count 1',
      'eviction after unpin: -EBUSY, now in vram',
      'prepare_fb: 0, scanning out of vram at 0xea30000000',
    ]);
    expect(r.dmesg).toEqual([]);
    expect(r.checked.dma_buf_attachment).toBeGreaterThan(5);
  });

  it('reservation-object: wait-die back-off, fence slots, locked and unlocked walks with a restart', async () => {
    const r = await run('reservation-object');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      'flip: locked framebuffer',
      'submit: framebuffer is held by an older context: -EDEADLK, backing off',
      "framebuffer held under the flip's context: true, vertex locked: false",
      'submit: locked framebuffer, vertex',
      'evict: vertex is held by an older context: -EDEADLK, backing off',
      'shrinker: busy vertex, framebuffer',
      'vertex: 2 fences, 5 slots',
      'after dma_resv_reset_max_fences: 2 slots',
      '  vertex: gfx0 seq 1 as DMA_RESV_USAGE_READ',
      '  vertex: sdma0 seq 1 as DMA_RESV_USAGE_BOOKKEEP',
      'evict: locked vertex, scratch',
      '  restarted: dropping 1 collected fence(s)',
      'unlocked walk of vertex: gfx0 seq 1, sdma0 seq 1, copy0 seq 1',
      'framebuffer: last writer gfx0 seq 1',
      'get_fences(READ): 2 fences',
      'get_singleton(READ): an array of 2 fences',
      'ghost object: 3 fences copied',
      '  gfx0 seq 1: deadline in 16 ms, boosting clocks',
      'debugfs:',
      '\tread fence:my_driver gfx0 seq 1 unsignalled',
      '\twrite fence:my_driver copy0 seq 1 unsignalled',
    ]);
    expect(r.dmesg).toEqual([]);
    // every fence the program made is released by the end (dma_resv_fini dropped the last references)
    const released = new Set(r.trace.filter((e) => e.kind === 'state' && e.cls === 'dma_fence' && e.name === 'release').map((e) => e.obj));
    const made = r.trace.filter((e) => e.kind === 'state' && e.cls === 'dma_fence' && e.name === 'init').map((e) => e.obj);
    expect(made.filter((o) => !released.has(o))).toEqual([]);
    expect(r.checked.dma_fence).toBe(9);
  });

  it('fence-api: driver ops, signalling under the lock, waits on the virtual clock, reset, stubs', async () => {
    const r = await run('fence-api');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      'stub: context 0, signaled true',
      'is_later(draw, blit): true, is_later(blit, draw): false',
      'is_later_or_same(draw, draw): true, later(blit, draw): seq 2',
      "blit refs: 4 (ours, the ring's, dep, peek); ring's last fence is draw: true",
      'describe: my_driver gfx0 seq 2 unsignalled',
      '  set_deadline(seq 2): due in 8000us, raising clocks',
      '  enable_signaling(seq 1): completion interrupt on',
      't=2000us: wait_any = 5 jiffies left, first done: index 0 (seq 1)',
      '  wait(seq 2): waking the engine first',
      't=5000us: draw signaled (wait = 5), timestamp 5000us',
      't=9000us: copy done by the hardware: true',
      't=11000us: copy2 retired, timestamp 10000us',
      '  enable_signaling(seq 5): completion interrupt on',
      '  wait(seq 5): waking the engine first',
      't=31000us: wait for the hung job = 0',
      '  reset: seq 5 status -ETIME',
      'hung job status: -ETIME',
      'private stub: signaled true, timestamp 31000us',
      '  release(seq 1): freeing job blit',
      '  release(seq 2): freeing job draw',
      '  release(seq 3): freeing job copy',
      '  release(seq 4): freeing job copy2',
      '  release(seq 5): freeing job hang',
    ]);
    expect(r.dmesg).toEqual([]);
    expect(r.done.virtualNs).toBe(31_000_000);
    expect(r.trace.filter((e) => e.kind === 'callback' && e.name === 'dma_fence_ops.release')).toHaveLength(5);
    expect(r.checked.dma_fence).toBe(28);
  });

  it('fence-containers: arrays, a timeline chain, unwrap and merge, a sync_file round trip', async () => {
    const r = await run('fence-containers');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual([
      'all: array of 3, is_array true, is_container true',
      '  [0] gfx0 seq 1',
      '  [1] comp0 seq 1',
      '  [2] vcn0 seq 1',
      "all on gfx0's context: false",
      't=1000us: any signaled, all signaled: false',
      't=3000us: all signaled',
      'add point 2 again: -EINVAL',
      'timeline: chain point 3 carrying gfx0 seq 3, is_container true',
      'points: 3, 2, 1',
      'unwrapped: gfx0 seq 3, comp0 seq 2, vcn0 seq 2, gfx0 seq 2',
      't=4000us: point 1 done (chain point 1 carrying gfx0 seq 2)',
      'points left: 3, 2',
      'before point 3: point 2, carrying array of 2',
      'find_seqno(1) now: null (already signaled)',
      'merged: array of 3: gfx0 seq 4, comp0 seq 2, vcn0 seq 2',
      'sync_file fd 3 gives back the merged fence: true',
      't=10000us: in-fence signaled, timeline head signaled: true',
    ]);
    expect(r.dmesg).toEqual([]);
    const released = new Set(r.trace.filter((e) => e.kind === 'state' && e.cls === 'dma_fence' && e.name === 'release').map((e) => e.obj));
    const made = r.trace.filter((e) => e.kind === 'state' && e.cls === 'dma_fence' && e.name === 'init').map((e) => e.obj);
    expect(made.filter((o) => !released.has(o))).toEqual([]);
    expect(r.checked.dma_fence).toBe(48);
  });

  it('mistake-map-without-lock: lockdep WARNING naming the rule', async () => {
    const r = await run('mistake-map-without-lock');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual(['unlocked map: returned a table anyway', 'done']);
    expect(r.dmesg).toContain(
      'lockdep: reservation_ww_class_mutex not held; rule: importers must hold the dma-buf reservation lock when calling dma_buf_map_attachment()',
    );
    expect(r.dmesg.filter((l) => l.startsWith('WARNING:'))).toEqual([
      expect.stringMatching(/^WARNING: CPU: 0 PID: 1 at drivers\/dma-buf\/dma-buf\.c:1123 dma_buf_map_attachment\+0x/),
    ]);
    expect(r.checked.dma_buf_attachment).toBe(3);
  });

  it('mistake-use-after-put: KASAN use-after-free and an oops', async () => {
    const r = await run('mistake-use-after-put');
    expect(r.done.status).toBe('oops');
    expect(r.done.message).toMatch(/^BUG: KASAN: slab-use-after-free in dma_buf_begin_cpu_access\+0x/);
    expect(r.done.position?.line).toBe(23);
    expect(r.out).toEqual(['refs=1', 'put the last reference']);
    expect(r.dmesg).toContain('The buggy address belongs to a freed struct dma_buf');
    expect(r.dmesg).toContain('Freed by task 1: dma_buf_release');
    expect(r.dmesg).toContain('Kernel panic - not syncing: Fatal exception');
    expect(r.checked.dma_buf).toBe(1);
  });

  it('mistake-forgot-detach: WARNING from dma_buf_release', async () => {
    const r = await run('mistake-forgot-detach');
    expect(r.done.status).toBe('ok');
    expect(r.out).toEqual(['attached: 1 attachment(s), refs=1', 'released with 1 attachment(s) still listed']);
    expect(r.dmesg.filter((l) => l.startsWith('WARNING:'))).toEqual([
      expect.stringMatching(/^WARNING: CPU: 0 PID: 1 at drivers\/dma-buf\/dma-buf\.c:107 dma_buf_release\+0x/),
    ]);
    expect(r.checked.dma_buf).toBe(1);
  });

  it('mistake-callback-on-signaled-fence: -ENOENT ignored, then a hung task', async () => {
    const r = await run('mistake-callback-on-signaled-fence');
    expect(r.done.status).toBe('oops');
    expect(r.done.message).toBe('INFO: task sandbox:1 blocked for more than 120 seconds.');
    expect(r.out).toEqual(['dma_fence_add_callback: -ENOENT']);
    expect(r.dmesg[0]).toBe('INFO: task sandbox:1 blocked for more than 120 seconds.');
    expect(r.dmesg).toContain('task:sandbox state:D stack:0 pid:1 waiting in dma_fence_default_wait(my_driver:ring0 seq 1)');
    expect(r.checked.dma_fence).toBe(2);
  });
});
