import { describe, it, expect } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { boot } from '../kernel/kernel.js';
import { dmaBufMachine, type DmaBufMachineEvent } from './dma-buf.machine.js';
import { dmaBufAttachmentMachine, type DmaBufAttachmentMachineEvent } from './dma-buf-attachment.machine.js';
import {
  dma_buf_event_table, dma_buf_world, dma_buf_state, dma_buf_attachment_event_table, attachment_world, attachment_state,
} from './event-table.js';
import { accept_trace } from './trace-check.js';

type Step<E> = { event: E; state: { value: unknown; context: Record<string, unknown> } };
type Path<E> = { steps: Step<E>[] };

const bufEvents = (Object.keys(dma_buf_event_table) as DmaBufMachineEvent['type'][]).map((type) => ({ type }));
const bufOpts = {
  events: bufEvents,
  stopWhen: (s: { context: { refs: number; vmaps: number; cpu: number } }) => s.context.refs > 2 || s.context.vmaps > 2 || s.context.cpu > 1,
};

function replayBuf(path: Path<DmaBufMachineEvent>): void {
  const k = boot();
  const w = dma_buf_world();
  const names = path.steps.map((s) => s.event.type).join(',');
  for (const step of path.steps) {
    if (step.event.type.startsWith('xstate.')) continue;
    dma_buf_event_table[step.event.type](w);
    expect(k.oops, names).toBeUndefined();
    const m = dma_buf_state(w);
    const ctx = step.state.context as { refs: number; vmaps: number };
    expect({ names, ...m }).toEqual({ names, value: step.state.value, refs: ctx.refs, vmaps: ctx.vmaps });
  }
}

const attEvents = (Object.keys(dma_buf_attachment_event_table) as DmaBufAttachmentMachineEvent['type'][]).map((type) => ({ type }));
const COMBOS = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
] as const;

/** Shortest paths explore counters up to 2, simple paths up to 1 (their number grows fast). */
function attOpts(bound: number) {
  return {
    events: attEvents,
    stopWhen: (s: { context: { pins: number; maps: number } }) => s.context.pins > bound || s.context.maps > bound,
  };
}

function replayAtt(dynamic: boolean, exporter_dynamic: boolean, path: Path<DmaBufAttachmentMachineEvent>): void {
  // dynamic importer × dynamic exporter: with MOVE_NOTIFY off every map would also pin
  const k = boot({ CONFIG_DMABUF_MOVE_NOTIFY: true });
  const w = attachment_world(dynamic, exporter_dynamic);
  const names = `${dynamic ? 'dyn' : 'static'}/${exporter_dynamic ? 'dyn' : 'static'}: ` + path.steps.map((s) => s.event.type).join(',');
  for (const step of path.steps) {
    if (step.event.type.startsWith('xstate.')) continue;
    dma_buf_attachment_event_table[step.event.type](w);
    expect(k.oops, names).toBeUndefined();
    const ctx = step.state.context as { pins: number; maps: number; cached: boolean };
    const m = attachment_state(w);
    const want = step.state.value === 'detached' ? { value: 'detached', pins: 0, maps: 0, cached: false } : { value: step.state.value, pins: ctx.pins, maps: ctx.maps, cached: ctx.cached };
    expect({ names, ...m }).toEqual({ names, ...want });
  }
}

function inputFor(dynamic: boolean, exporter_dynamic: boolean) {
  // what attach already did: a static/dynamic mismatch pins (dynamic exporter) and caches a BIDIRECTIONAL table
  return { dynamic, exporter_dynamic, pins: !dynamic && exporter_dynamic ? 1 : 0, cached: dynamic !== exporter_dynamic };
}

describe('dma_buf machine ⇄ model', () => {
  it('(1) every shortest path replays on the model with the same states', () => {
    const paths = getShortestPaths(dmaBufMachine, bufOpts as never) as unknown as Path<DmaBufMachineEvent>[];
    expect(paths.length).toBeGreaterThan(10);
    for (const p of paths) replayBuf(p);
  });
  it('(1) every simple path replays on the model with the same states', () => {
    const tight = { ...bufOpts, stopWhen: (st: { context: { refs: number; vmaps: number; cpu: number } }) => st.context.refs > 1 || st.context.vmaps > 1 || st.context.cpu > 1 };
    const paths = getSimplePaths(dmaBufMachine, tight as never) as unknown as Path<DmaBufMachineEvent>[];
    expect(paths.length).toBeGreaterThan(20);
    for (const p of paths) replayBuf(p);
  });
});

describe('dma_buf_attachment machine ⇄ model', () => {
  for (const [dynamic, exporter_dynamic] of COMBOS) {
    const name = `${dynamic ? 'dynamic' : 'static'} importer, ${exporter_dynamic ? 'dynamic' : 'static'} exporter`;
    const machine = dmaBufAttachmentMachine;
    it(`(1) shortest and simple paths replay on the model: ${name}`, () => {
      const input = inputFor(dynamic, exporter_dynamic);
      const paths = [
        ...(getShortestPaths(machine, { ...attOpts(2), input } as never) as unknown as Path<DmaBufAttachmentMachineEvent>[]),
        ...(getSimplePaths(machine, { ...attOpts(1), input } as never) as unknown as Path<DmaBufAttachmentMachineEvent>[]),
      ];
      expect(paths.length).toBeGreaterThan(3);
      for (const p of paths) replayAtt(dynamic, exporter_dynamic, p);
    });
  }
});

describe('trace acceptance helper', () => {
  it('rejects an event the machine does not allow', () => {
    const e = (name: string, args?: Record<string, boolean>) => ({ seq: 0, ts: 0, kind: 'state' as const, name, cls: 'dma_buf', obj: 1, args });
    expect(() => accept_trace([e('export'), e('vunmap')])).toThrow(/unexpected vunmap/);
    expect(accept_trace([e('export'), e('vmap'), e('vunmap'), e('release')])).toEqual({ dma_buf: 3 });
    void createActor;
  });
});

describe('dma_buf_attachment machine: move_notify without a mapping', () => {
  it('accepts move_notify on an unmapped dynamic attachment and on an invalidated one (the kernel notifies every dynamic importer)', () => {
    const a = createActor(dmaBufAttachmentMachine, { input: { dynamic: true, exporter_dynamic: true } }).start();
    expect(a.getSnapshot().can({ type: 'move_notify' })).toBe(true);
    a.send({ type: 'move_notify' });
    expect(a.getSnapshot().value).toEqual({ attached: { pin: 'unpinned', mapping: 'unmapped' } });
    a.send({ type: 'map' });
    a.send({ type: 'move_notify' });
    expect(a.getSnapshot().can({ type: 'move_notify' })).toBe(true);
    a.send({ type: 'move_notify' });
    expect(a.getSnapshot().value).toEqual({ attached: { pin: 'unpinned', mapping: 'invalidated' } });
    const s = createActor(dmaBufAttachmentMachine, { input: { dynamic: false, exporter_dynamic: true, pins: 1 } }).start();
    expect(s.getSnapshot().can({ type: 'move_notify' })).toBe(false);
  });
});
