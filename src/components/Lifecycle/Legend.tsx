/**
 * The small legend under a lifecycle diagram: the drawing conventions in a line of swatches.
 * @module
 */
import React, { type ReactNode } from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

function Swatch({ children }: { children: ReactNode }): ReactNode {
  return (
    <svg className={styles.swatch} viewBox="0 0 28 16" width={28} height={16} aria-hidden="true">
      {children}
    </svg>
  );
}

/** Legend entries: initial marker, state, final state, active state, parallel region, event label. */
export default function Legend({ live }: { live: boolean }): ReactNode {
  return (
    <ul className={styles.legend} aria-label="Legend">
      <li>
        <Swatch>
          <g className={styles.initial}>
            <circle cx={5} cy={8} r={4.5} />
            <path className={styles.line} d="M10,8L24,8" />
            <polygon points="27,8 20,4.5 20,11.5" />
          </g>
        </Swatch>
        initial state
      </li>
      <li>
        <Swatch>
          <g className={clsx(styles.state, styles.final)}>
            <rect x={1} y={1} width={26} height={14} rx={4} />
            <rect className={styles.inner} x={3.5} y={3.5} width={21} height={9} rx={2.5} />
          </g>
        </Swatch>
        final state
      </li>
      <li>
        <Swatch>
          <g className={clsx(styles.state, styles.region)}>
            <rect x={1} y={1} width={26} height={14} rx={2} />
          </g>
        </Swatch>
        parallel region (all regions active at once)
      </li>
      {live ? (
        <li>
          <Swatch>
            <g className={clsx(styles.state, styles.atomic, styles.active)}>
              <rect x={1} y={1} width={26} height={14} rx={4} />
            </g>
          </Swatch>
          active state
        </li>
      ) : null}
      <li>
        <code>event</code> <code>[guard]</code> on an arrow: the event that takes the transition, and the condition it needs
      </li>
    </ul>
  );
}
