/**
 * The SVG of one laid-out lifecycle machine: nested and parallel states as containers, initial
 * markers, final states, labelled edges (self-loops included), plus the live overlays (active
 * states, the edge just taken, clickable event labels). Server-renderable: no effects, no DOM.
 * @module
 */
import React, { type KeyboardEvent, type ReactNode } from 'react';
import clsx from 'clsx';
import type { MachineLayout, StateLayout, TransitionLayout } from '../../plugins/lifecycle/types';
import { FONT_SIZE, LINE_HEIGHT, TITLE_HEIGHT } from '../../plugins/lifecycle/measure';
import { arrowHead, roundedPath } from './geometry';
import { transitionText } from './describe';
import styles from './styles.module.css';

/** What the diagram draws beyond the static layout. */
export interface DiagramProps {
  layout: MachineLayout;
  /** Active state paths, ancestors included (a state is highlighted when listed). */
  active: ReadonlySet<string>;
  /** Ids of the transitions whose labels are buttons. */
  buttons: ReadonlySet<string>;
  /** Ids of the transitions just taken, and a number that changes with each new transition. */
  taken: { ids: ReadonlySet<string>; seq: number };
  /** States entered by the transition just taken. */
  entered: ReadonlySet<string>;
  onEvent?: (type: string) => void;
  /** Accessible name; the SVG is `role="img"` unless it holds buttons. */
  label: string;
  /** Id of the element with the full text description. */
  describedBy: string;
}

function StateBox({ s, layout, active, entered }: { s: StateLayout; layout: MachineLayout; active: boolean; entered: boolean }): ReactNode {
  const parent = s.parent === undefined ? undefined : layout.states.find((p) => p.id === s.parent);
  const region = parent?.kind === 'parallel';
  const cls = clsx(styles.state, styles[s.kind], region && styles.region, active && styles.active, entered && styles.entered);
  if (s.kind === 'atomic' || s.kind === 'final') {
    return (
      <g className={cls} data-state={s.id}>
        <rect x={s.x} y={s.y} width={s.width} height={s.height} rx={8} />
        {s.kind === 'final' ? <rect className={styles.inner} x={s.x + 3.5} y={s.y + 3.5} width={s.width - 7} height={s.height - 7} rx={5} /> : null}
        <text x={s.x + s.width / 2} y={s.y + s.height / 2} dominantBaseline="central" textAnchor="middle">
          {s.key}
        </text>
      </g>
    );
  }
  const title = s.parent === undefined ? layout.machine : s.key;
  return (
    <g className={cls} data-state={s.id}>
      <rect x={s.x} y={s.y} width={s.width} height={s.height} rx={region ? 4 : 12} />
      <text className={styles.title} x={s.x + 12} y={s.y + TITLE_HEIGHT / 2 + 4} dominantBaseline="central">
        {title}
        {s.kind === 'parallel' ? <tspan className={styles.kind}> (parallel)</tspan> : null}
      </text>
    </g>
  );
}

function EdgeLabel({ t, layout, button, onEvent }: { t: TransitionLayout; layout: MachineLayout; button: boolean; onEvent?: (type: string) => void }): ReactNode {
  const { x, y, width, height } = t.label;
  const lines = t.guard ? [t.event, `[${t.guard}]`] : [t.event];
  const body = (
    <>
      <rect className={styles.labelBox} x={x - 2} y={y - 1} width={width + 4} height={height + 2} rx={4} />
      {lines.map((line, i) => (
        <text key={i} className={i ? styles.guard : styles.event} x={x + width / 2} y={y + 2 + LINE_HEIGHT * i + LINE_HEIGHT / 2} dominantBaseline="central" textAnchor="middle">
          {line}
        </text>
      ))}
    </>
  );
  if (!button || !onEvent) return <g className={styles.label}>{body}</g>;
  const fire = (): void => onEvent(t.event);
  const key = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      fire();
    }
  };
  return (
    <g className={clsx(styles.label, styles.button)} role="button" tabIndex={0} aria-label={`Send ${transitionText(layout, t)}`} onClick={fire} onKeyDown={key}>
      <title>{`Send ${t.event}`}</title>
      {body}
    </g>
  );
}

/** Draws a laid-out machine as SVG; see {@link DiagramProps}. */
export default function Diagram({ layout, active, buttons, taken, entered, onEvent, label, describedBy }: DiagramProps): ReactNode {
  const interactive = buttons.size > 0 && !!onEvent;
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      // shrink to fit the column, but not below 80%: wider diagrams scroll sideways instead of losing their text
      style={{ fontSize: FONT_SIZE, minWidth: `min(${Math.round(layout.width * 0.8)}px, 100vw)` }}
      role={interactive ? 'group' : 'img'}
      aria-label={label}
      aria-describedby={describedBy}
      data-machine={layout.machine}
    >
      <g aria-hidden={interactive ? undefined : true}>
        {layout.states.map((s) => (
          // a new key on each transition restarts the entry animation
          <StateBox key={entered.has(s.id) ? `${s.id}#${taken.seq}` : s.id} s={s} layout={layout} active={active.has(s.id)} entered={entered.has(s.id)} />
        ))}
        {layout.initials.map((i) => (
          <g key={`i:${i.parent}`} className={styles.initial} aria-hidden="true">
            <circle cx={i.marker.x + i.marker.width / 2} cy={i.marker.y + i.marker.height / 2} r={i.marker.width / 2 - 0.5} />
            <path className={styles.line} d={roundedPath(i.points)} />
            <polygon points={arrowHead(i.points)} />
          </g>
        ))}
        {layout.transitions.map((t) => (
          <g key={t.id} className={clsx(styles.edge, t.internal && styles.internal)} data-event={t.event} data-source={t.source} data-target={t.target} aria-hidden="true">
            <path className={styles.line} d={roundedPath(t.points)} />
            <polygon points={arrowHead(t.points)} />
          </g>
        ))}
        {layout.transitions
          .filter((t) => taken.ids.has(t.id))
          .map((t) => (
            <g key={`${t.id}#${taken.seq}`} className={clsx(styles.edge, styles.taken)} aria-hidden="true">
              <path className={styles.line} d={roundedPath(t.points)} pathLength={100} />
              <polygon points={arrowHead(t.points)} />
            </g>
          ))}
        {layout.transitions.map((t) => (
          <EdgeLabel key={`l:${t.id}`} t={t} layout={layout} button={buttons.has(t.id)} onEvent={onEvent} />
        ))}
      </g>
    </svg>
  );
}
