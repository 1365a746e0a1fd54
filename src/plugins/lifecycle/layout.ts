/**
 * Lays out a machine with elkjs (the bundled build, no web worker) and converts ELK's result into
 * a {@link MachineLayout}: absolute boxes, edge polylines and label boxes, rounded to tenths so
 * the generated JSON is small and byte-for-byte stable.
 * @module
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { AnyStateMachine } from 'xstate';
import type { Box, InitialLayout, MachineGraph, MachineLayout, Point, StateLayout, TransitionLayout } from './types.ts';
import { elkEdgeId, elkInitialEdgeId, elkInitialId, elkStateId, toElkGraph } from './elk-graph.ts';
import { walkMachine } from './walk.ts';

const r = (n: number | undefined): number => Math.round((n ?? 0) * 10) / 10;
const box = (n: { x?: number; y?: number; width?: number; height?: number }): Box => ({ x: r(n.x), y: r(n.y), width: r(n.width), height: r(n.height) });

function index(node: ElkNode, nodes: Map<string, ElkNode>, edges: Map<string, ElkExtendedEdge>): void {
  nodes.set(node.id, node);
  for (const e of node.edges ?? []) edges.set(e.id, e);
  for (const c of node.children ?? []) index(c, nodes, edges);
}

function route(edge: ElkExtendedEdge): Point[] {
  const points: Point[] = [];
  for (const s of edge.sections ?? []) {
    for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) {
      const q = { x: r(p.x), y: r(p.y) };
      const last = points[points.length - 1];
      if (!last || last.x !== q.x || last.y !== q.y) points.push(q);
    }
  }
  return points;
}

/**
 * The regions of a parallel state are stretched to the full height of the parallel state's
 * content area, so they read as columns separated by their borders. Only the region boxes grow;
 * nothing inside them moves.
 */
function stretchRegions(states: StateLayout[]): void {
  const byId = new Map(states.map((s) => [s.id, s]));
  for (const p of states) {
    if (p.kind !== 'parallel' || p.children.length === 0) continue;
    const regions = p.children.map((id) => byId.get(id)!);
    const top = Math.min(...regions.map((s) => s.y));
    const bottom = Math.max(...regions.map((s) => s.y + s.height));
    for (const s of regions) {
      s.y = top;
      s.height = r(bottom - top);
    }
  }
}

/** Runs ELK on a walked machine graph and returns its layout. */
export async function layoutGraph(graph: MachineGraph): Promise<MachineLayout> {
  const elk = new ELK();
  const out = await elk.layout(toElkGraph(graph));
  const nodes = new Map<string, ElkNode>();
  const edges = new Map<string, ElkExtendedEdge>();
  index(out, nodes, edges);

  const states: StateLayout[] = graph.states.map((s) => ({ ...s, ...box(nodes.get(elkStateId(s.id))!) }));
  stretchRegions(states);
  const transitions: TransitionLayout[] = graph.transitions.map((t) => {
    const e = edges.get(elkEdgeId(t.id))!;
    return { ...t, points: route(e), label: box(e.labels?.[0] ?? {}) };
  });
  const initials: InitialLayout[] = graph.states
    .filter((s) => s.initial !== undefined)
    .map((s) => ({
      parent: s.id,
      target: s.initial!,
      marker: box(nodes.get(elkInitialId(s.id))!),
      points: route(edges.get(elkInitialEdgeId(s.id))!),
    }));
  return { machine: graph.machine, width: r(out.width), height: r(out.height), states, transitions, initials };
}

/** Walks and lays out an XState machine: {@link walkMachine} then {@link layoutGraph}. */
export async function layoutMachine(machine: AnyStateMachine): Promise<MachineLayout> {
  return layoutGraph(walkMachine(machine));
}
