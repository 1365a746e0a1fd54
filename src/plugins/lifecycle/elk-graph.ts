/**
 * Turns a {@link MachineGraph} into an ELK graph: every state becomes an ELK node nested like the
 * machine's states, every compound state gets an initial-state marker node with an edge into its
 * initial child, and every transition becomes an edge labelled with its event (and guard),
 * declared in the lowest common ancestor of its ends as ELK expects for hierarchical layouts.
 * @module
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { MachineGraph, StateInfo } from './types.ts';
import { INITIAL_SIZE, TITLE_HEIGHT, labelSize, stateSize, textWidth } from './measure.ts';

/** ELK node id of a state (`s:` + state id; the root is `s:`). */
export const elkStateId = (id: string): string => `s:${id}`;
/** ELK node id of the initial-state marker inside a compound state. */
export const elkInitialId = (parent: string): string => `i:${parent}`;
/** ELK edge id of the arrow from a compound state's initial marker. */
export const elkInitialEdgeId = (parent: string): string => `ie:${parent}`;
/** ELK edge id of a transition. */
export const elkEdgeId = (transition: string): string => `t:${transition}`;

/** Layout options of the whole graph: layered, top to bottom, one run across the hierarchy. */
const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.edgeCoords': 'ROOT',
  'elk.json.shapeCoords': 'ROOT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '10',
  'elk.spacing.componentComponent': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.randomSeed': '1',
};

/** Layout options of atomic and final states: self-loops spread over the sides, one after another. */
const LEAF_OPTIONS: Record<string, string> = {
  'elk.layered.edgeRouting.selfLoopDistribution': 'EQUALLY',
  'elk.layered.edgeRouting.selfLoopOrdering': 'SEQUENCED',
};

function containerOptions(state: StateInfo, title: string): Record<string, string> {
  return {
    'elk.padding': `[top=${TITLE_HEIGHT + 10},left=14,bottom=14,right=14]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${textWidth(title) + 36}, ${TITLE_HEIGHT + 30})`,
    // regions of a parallel state sit side by side; give them room for the dashed separator
    ...(state.kind === 'parallel' ? { 'elk.spacing.componentComponent': '36' } : {}),
  };
}

/** The chain of ancestors of a state id, from the state itself up to the root. */
function ancestors(byId: Map<string, StateInfo>, id: string): string[] {
  const out: string[] = [];
  for (let s = byId.get(id); s; s = s.parent === undefined ? undefined : byId.get(s.parent)) out.push(s.id);
  return out;
}

/**
 * The state in whose ELK node an edge between `a` and `b` is declared: the lowest common
 * ancestor, or its parent when the ancestor is one of the ends (a self-loop, or an edge from a
 * compound state into its own child), since ELK wants an edge inside the node holding both ends.
 */
export function edgeContainer(byId: Map<string, StateInfo>, a: string, b: string): string | undefined {
  const up = new Set(ancestors(byId, a));
  const lca = ancestors(byId, b).find((s) => up.has(s));
  if (lca === undefined) return undefined;
  if (lca === a || lca === b) return byId.get(lca)?.parent;
  return lca;
}

/**
 * Builds the ELK input graph of a machine. The top-level ELK node (`graph`) holds the machine's
 * root state; edges that would belong above the root (self-loops on the root) are declared there.
 */
export function toElkGraph(graph: MachineGraph): ElkNode {
  const byId = new Map(graph.states.map((s) => [s.id, s]));
  const nodes = new Map<string, ElkNode>();
  const top: ElkNode = { id: 'graph', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };

  for (const s of graph.states) {
    const title = s.parent === undefined ? graph.machine : s.key;
    const node: ElkNode =
      s.kind === 'atomic' || s.kind === 'final'
        ? { id: elkStateId(s.id), ...stateSize(s.key), layoutOptions: LEAF_OPTIONS }
        : { id: elkStateId(s.id), layoutOptions: containerOptions(s, title), children: [], edges: [] };
    nodes.set(s.id, node);
    (s.parent === undefined ? top : nodes.get(s.parent)!).children!.push(node);
    if (s.initial !== undefined) {
      node.children!.push({ id: elkInitialId(s.id), width: INITIAL_SIZE, height: INITIAL_SIZE });
      node.edges!.push({ id: elkInitialEdgeId(s.id), sources: [elkInitialId(s.id)], targets: [elkStateId(s.initial)] });
    }
  }
  for (const t of graph.transitions) {
    const where = edgeContainer(byId, t.source, t.target);
    const edge: ElkExtendedEdge = {
      id: elkEdgeId(t.id),
      sources: [elkStateId(t.source)],
      targets: [elkStateId(t.target)],
      labels: [{ id: `l:${t.id}`, text: t.event, ...labelSize(t.event, t.guard) }],
    };
    (where === undefined ? top : nodes.get(where)!).edges!.push(edge);
  }
  return top;
}
