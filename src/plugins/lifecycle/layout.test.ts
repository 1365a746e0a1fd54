import { describe, expect, it } from 'vitest';
import type { Box, MachineLayout } from './types.ts';
import { layoutMachine } from './layout.ts';
import { discoverMachines, machineFiles } from './discover.ts';
import { computeLayouts } from './generate.ts';
import { walkMachine } from './walk.ts';
import { sampleMachine } from './walk.test.ts';

const inside = (a: Box, b: Box): boolean => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Checks the geometry every layout must have; returns nothing, fails the test on the first problem. */
function checkGeometry(l: MachineLayout): void {
  const byId = new Map(l.states.map((s) => [s.id, s]));
  for (const s of l.states) {
    expect(s.width, s.id).toBeGreaterThan(0);
    expect(s.height, s.id).toBeGreaterThan(0);
    expect(inside(s, { x: 0, y: 0, width: l.width, height: l.height }), `${s.id} inside the diagram`).toBe(true);
    if (s.parent !== undefined) expect(inside(s, byId.get(s.parent)!), `${s.id} inside its parent`).toBe(true);
    const sibs = s.children.map((c) => byId.get(c)!);
    for (let i = 0; i < sibs.length; i++)
      for (let j = i + 1; j < sibs.length; j++) expect(overlap(sibs[i], sibs[j]), `${sibs[i].id} and ${sibs[j].id} overlap`).toBe(false);
  }
  for (const t of l.transitions) {
    expect(t.points.length, `${t.id} has a route`).toBeGreaterThanOrEqual(2);
    expect(t.label.width, `${t.id} has a label`).toBeGreaterThan(0);
  }
  for (const i of l.initials) {
    expect(inside(i.marker, byId.get(i.parent)!), `initial marker of ${i.parent}`).toBe(true);
    expect(i.points.length).toBeGreaterThanOrEqual(2);
  }
}

describe('layoutMachine on a hand-written machine (nested, parallel, self-loops)', () => {
  it('keeps every state and transition, nests boxes, separates siblings', async () => {
    const l = await layoutMachine(sampleMachine);
    const g = walkMachine(sampleMachine);
    expect(l.states.map((s) => s.id)).toEqual(g.states.map((s) => s.id));
    expect(l.transitions.map((t) => [t.id, t.event, t.source, t.target])).toEqual(g.transitions.map((t) => [t.id, t.event, t.source, t.target]));
    expect(l.initials.map((i) => [i.parent, i.target])).toEqual([
      ['', 'idle'],
      ['busy.left', 'busy.left.a'],
      ['busy.right', 'busy.right.x'],
    ]);
    checkGeometry(l);
  });

  it('puts the regions of a parallel state side by side with the same top and height', async () => {
    const l = await layoutMachine(sampleMachine);
    const left = l.states.find((s) => s.id === 'busy.left')!;
    const right = l.states.find((s) => s.id === 'busy.right')!;
    expect(left.x + left.width).toBeLessThan(right.x);
    expect([left.y, left.height]).toEqual([right.y, right.height]);
  });

  it('routes a self-loop from the state back to itself', async () => {
    const l = await layoutMachine(sampleMachine);
    const loop = l.transitions.find((t) => t.event === 'tick' && t.source === 'idle')!;
    const idle = l.states.find((s) => s.id === 'idle')!;
    const grown = { x: idle.x - 1, y: idle.y - 1, width: idle.width + 2, height: idle.height + 2 };
    expect(inside({ ...loop.points[0], width: 0, height: 0 }, grown)).toBe(true);
    expect(inside({ ...loop.points[loop.points.length - 1], width: 0, height: 0 }, grown)).toBe(true);
  });

  it('is deterministic', async () => {
    expect(JSON.stringify(await layoutMachine(sampleMachine))).toBe(JSON.stringify(await layoutMachine(sampleMachine)));
  });
});

describe('every machine in sandbox/machines', () => {
  it('is discovered by file name', async () => {
    const files = machineFiles();
    expect(files.some((f) => f.endsWith('dma-fence.machine.ts'))).toBe(true);
    const machines = await discoverMachines();
    expect(machines.size).toBeGreaterThanOrEqual(files.length);
    expect([...machines.keys()]).toContain('dma_fence');
  });

  it('lays out with every state and transition present and no overlapping siblings', async () => {
    const layouts = await computeLayouts();
    const machines = await discoverMachines();
    expect(Object.keys(layouts).sort()).toEqual([...machines.keys()].sort());
    for (const [id, m] of machines) {
      const g = walkMachine(m);
      const l = layouts[id];
      expect(l.states.map((s) => s.id), id).toEqual(g.states.map((s) => s.id));
      expect(l.transitions.map((t) => t.id), id).toEqual(g.transitions.map((t) => t.id));
      checkGeometry(l);
    }
  });
});
