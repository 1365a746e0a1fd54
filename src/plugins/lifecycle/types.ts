/**
 * The data contract between the build-time lifecycle layout (`src/plugins/lifecycle`) and the
 * `<Lifecycle>` component: a machine's graph (what XState defines) and its layout (where ELK put
 * it). Plain JSON, no functions, so it can be written to a file and imported by the site.
 * @module
 */

/** The XState state node types the diagrams draw (`history` nodes are not drawn). */
export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final';

/** One state node of a machine, as walked from `machine.root`. */
export interface StateInfo {
  /** State path joined with `.` below the machine root, e.g. `lifecycle.pending`; `''` is the root. */
  id: string;
  /** The state node's key (the last path segment; the machine id for the root). */
  key: string;
  /** The XState state node type. */
  kind: StateKind;
  /** Id of the parent state, absent for the root. */
  parent?: string;
  /** Ids of the child states, in document order. */
  children: string[];
  /** Id of the initial child state of a compound state. */
  initial?: string;
  /** The state node's `description`, if the machine gives one. */
  description?: string;
}

/** One transition of a machine: an event on a source state leading to one target. */
export interface TransitionInfo {
  /** Stable id: `source:event:index` (index counts the transitions of that event on that source). */
  id: string;
  /** The event type, e.g. `signal`. */
  event: string;
  /** Id of the state node that declares the transition. */
  source: string;
  /**
   * Id of the target state. Equal to `source` for a targetless transition (actions only, the
   * state is not exited) and for a self-transition.
   */
  target: string;
  /** The guard, in words (`hasCallbacks`, `!in(lifecycle.released)`), if any. */
  guard?: string;
  /** `true` when the transition has no target: it runs actions and stays in the state. */
  internal: boolean;
}

/** What the walker extracts from a machine: its states and transitions, in document order. */
export interface MachineGraph {
  /** The machine's `id` (e.g. `dma_fence`), which is also the `<Lifecycle machine>` name. */
  machine: string;
  states: StateInfo[];
  transitions: TransitionInfo[];
}

/** An axis-aligned box in diagram coordinates (pixels, origin top left of the diagram). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point in diagram coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** A laid-out state: its graph information plus its box. */
export interface StateLayout extends StateInfo, Box {}

/** A laid-out transition: its graph information, its polyline and its label box. */
export interface TransitionLayout extends TransitionInfo {
  /** The edge's route: start point, bend points, end point (the arrow head is at the end). */
  points: Point[];
  /** The label box (event name on the first line, guard on the second). */
  label: Box;
}

/** The arrow from the initial-state marker (a filled dot) into the initial child of a state. */
export interface InitialLayout {
  /** Id of the compound state whose initial child this marks. */
  parent: string;
  /** Id of the initial child state. */
  target: string;
  /** The marker's box (a circle drawn inside it). */
  marker: Box;
  /** The arrow's route from the marker to the initial state. */
  points: Point[];
}

/** The layout of one machine, as written to the generated JSON file. */
export interface MachineLayout {
  machine: string;
  width: number;
  height: number;
  /** Every state, parents before children. */
  states: StateLayout[];
  transitions: TransitionLayout[];
  initials: InitialLayout[];
}

/** The generated file: machine id → layout. */
export type LayoutFile = Record<string, MachineLayout>;
