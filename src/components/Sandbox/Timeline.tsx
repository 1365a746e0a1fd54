/**
 * The call timeline of a run: four swimlanes (importer, dma-buf core, exporter, fence/device),
 * one row per top-level call with the callbacks and lifecycle changes it caused nested under it.
 * The row holding the current step is marked.
 */
import React, { useMemo, type ReactNode } from 'react';
import type { TraceEvent } from '../../../sandbox/kernel/trace';
import { buildTimeline, LANES, type TimelineNode } from '../../../sandbox/runtime/timeline';
import styles from './styles.module.css';

function describe(e: TraceEvent): string {
  const args = e.args ? Object.entries(e.args).map(([k, v]) => `${k}=${v}`).join(' ') : '';
  const ret = e.ret !== undefined ? ` → ${e.ret}` : '';
  const what = e.kind === 'state' ? `${e.cls} #${e.obj}: ${e.name}` : e.kind === 'log' ? e.name : `${e.name}()`;
  return `${what}${args ? ` [${args}]` : ''}${ret}`;
}

function Row({ node, depth, step }: { node: TimelineNode; depth: number; step?: number }): ReactNode {
  const lane = LANES.findIndex((l) => l.id === node.lane);
  const current = step !== undefined && node.event.seq === step;
  return (
    <>
      <div className={`${styles.tlRow} ${current ? styles.tlCurrent : ''}`} data-kind={node.event.kind} data-seq={node.event.seq} role="row">
        {LANES.map((l, i) => (
          <div key={l.id} className={styles.tlCell} role="cell">
            {i === lane ? <span style={{ paddingLeft: `${depth * 0.9}rem` }} className={styles.tlEvent}>{describe(node.event)}</span> : null}
          </div>
        ))}
      </div>
      {node.children.map((c) => (
        <Row key={c.event.seq} node={c} depth={depth + 1} step={step} />
      ))}
    </>
  );
}

export default function Timeline({ trace, step }: { trace: readonly TraceEvent[]; step?: number }): ReactNode {
  const nodes = useMemo(() => buildTimeline(trace.filter((e) => e.kind !== 'log')), [trace]);
  if (!trace.length) return <p className={styles.empty}>Run the program to see its calls.</p>;
  return (
    <div className={styles.timeline} role="table" aria-label="Call timeline">
      <div className={`${styles.tlRow} ${styles.tlHead}`} role="row">
        {LANES.map((l) => (
          <div key={l.id} className={styles.tlCell} role="columnheader">
            {l.label}
          </div>
        ))}
      </div>
      {nodes.map((n) => (
        <Row key={n.event.seq} node={n} depth={0} step={step} />
      ))}
    </div>
  );
}
