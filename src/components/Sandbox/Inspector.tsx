/**
 * The step control and object inspector: scrub through the run's trace and see the lifecycle
 * state of every object at that step; pick an object to draw its machine (live diagram), whose
 * enabled events can be clicked to drive the model directly.
 */
import React, { useMemo, type ReactNode } from 'react';
import type { TraceEvent } from '../../../sandbox/kernel/trace';
import { objectsOf, stateAt, type RunObject } from './objects';
import LiveDiagram from './LiveDiagram';
import styles from './styles.module.css';

export interface InspectorProps {
  trace: readonly TraceEvent[];
  step: number | undefined;
  onStep: (step: number | undefined) => void;
  selected: string | undefined;
  onSelect: (key: string) => void;
  onEvent?: (object: RunObject, event: string) => void;
  busy: boolean;
}

export default function Inspector({ trace, step, onStep, selected, onSelect, onEvent, busy }: InspectorProps): ReactNode {
  const objects = useMemo(() => objectsOf(trace), [trace]);
  const at = step ?? trace.length;
  const current = objects.find((o) => o.key === selected) ?? objects.find((o) => o.machine) ?? objects[0];
  const states = useMemo(() => objects.map((o) => ({ o, s: stateAt(trace, o, at) })), [objects, trace, at]);
  const live = current ? states.find((x) => x.o.key === current.key)?.s : undefined;
  const event = step !== undefined && step > 0 ? trace[step - 1] : undefined;
  return (
    <div className={styles.inspector}>
      <div className={styles.stepper}>
        <label htmlFor="sandbox-step">
          Step {at} / {trace.length}
        </label>
        <button type="button" onClick={() => onStep(Math.max(0, at - 1))} disabled={!trace.length || at === 0} aria-label="Previous step">
          ◀
        </button>
        <input
          id="sandbox-step"
          type="range"
          min={0}
          max={trace.length}
          value={at}
          disabled={!trace.length}
          onChange={(e) => {
            const v = Number(e.target.value);
            onStep(v === trace.length ? undefined : v);
          }}
        />
        <button type="button" onClick={() => onStep(at + 1 >= trace.length ? undefined : at + 1)} disabled={!trace.length || at >= trace.length} aria-label="Next step">
          ▶
        </button>
        <span className={styles.stepEvent}>{event ? `${event.kind} ${event.name}${event.obj ? ` (${event.cls} #${event.obj})` : ''}` : ''}</span>
      </div>
      {objects.length ? (
        <>
          <div className={styles.objects}>
            <label htmlFor="sandbox-object">Object</label>
            <select id="sandbox-object" value={current?.key} onChange={(e) => onSelect(e.target.value)}>
              {objects.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </select>
            <ul className={styles.stateList} aria-label="Object states at this step">
              {states.map(({ o, s }) => (
                <li key={o.key} data-object={o.key} className={o.key === current?.key ? styles.stateCurrent : undefined}>
                  <code>{o.label}</code>: {s ? s.active.join(', ') : 'no machine'}
                </li>
              ))}
            </ul>
          </div>
          {current?.machine && live ? (
            <LiveDiagram
              machine={current.machine}
              state={live}
              onEvent={onEvent && step === undefined && !busy ? (ev) => onEvent(current, ev) : undefined}
            />
          ) : null}
        </>
      ) : (
        <p className={styles.empty}>Objects appear here once the program creates them.</p>
      )}
    </div>
  );
}
