/**
 * Trace → call timeline. Every trace event lands in one swimlane (importer, dma-buf core,
 * exporter, fence/device) and every callback, lifecycle change and log line is nested under the
 * call that caused it.
 *
 * The model records a call when it returns, so whatever happened during a call (callbacks,
 * state changes, nested calls) is already in the trace when the call itself arrives. With
 * `depth` on events (call depth at emission) nesting is exact; without it, everything since the
 * previous top-level call is taken as caused by the next one.
 */
import type { TraceEvent } from '../kernel/trace.ts';

export type Lane = 'importer' | 'core' | 'exporter' | 'fence';

export const LANES: readonly { id: Lane; label: string }[] = [
  { id: 'importer', label: 'importer' },
  { id: 'core', label: 'dma-buf core' },
  { id: 'exporter', label: 'exporter' },
  { id: 'fence', label: 'fence / device' },
];

export interface TimelineNode {
  event: TraceEvent;
  lane: Lane;
  children: TimelineNode[];
}

/** The lane an event belongs to. */
export function laneOf(e: TraceEvent): Lane {
  if (e.kind === 'callback') {
    if (e.name.startsWith('dma_buf_attach_ops.') || e.name.startsWith('importer')) return 'importer';
    if (e.name.startsWith('dma_buf_ops.')) return 'exporter';
    return 'fence';
  }
  if (e.cls === 'dma_fence' || e.cls === 'device' || e.cls === 'sync_file') return 'fence';
  return 'core';
}

type WithDepth = TraceEvent & { depth?: number };

/** Incremental reducer: feed events in order, read the forest at any time. */
export class TimelineBuilder {
  private readonly roots: TimelineNode[] = [];
  private pending: { node: TimelineNode; depth: number }[] = [];

  add(e: WithDepth): void {
    const node: TimelineNode = { event: e, lane: laneOf(e), children: [] };
    if (e.kind !== 'call') {
      this.pending.push({ node, depth: e.depth ?? Number.POSITIVE_INFINITY });
      return;
    }
    const d = e.depth ?? 0;
    node.children.push(...this.pending.filter((p) => p.depth > d).map((p) => p.node));
    this.pending = this.pending.filter((p) => p.depth <= d);
    if (d === 0) {
      this.flushPending();
      this.roots.push(node);
    } else {
      this.pending.push({ node, depth: d });
    }
  }

  private flushPending(): void {
    for (const p of this.pending) this.roots.push(p.node);
    this.pending = [];
  }

  /** The timeline so far: top-level calls (and orphans) with their nested events. */
  nodes(): TimelineNode[] {
    return [...this.roots, ...this.pending.map((p) => p.node)];
  }
}

/** Builds the whole timeline of a trace at once. */
export function buildTimeline(events: readonly TraceEvent[]): TimelineNode[] {
  const b = new TimelineBuilder();
  for (const e of events) b.add(e);
  return b.nodes();
}
