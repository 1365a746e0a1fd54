/**
 * `<Lifecycle machine="dma_fence" />`: the state diagram of one lifecycle machine of
 * `sandbox/machines`, laid out at build time (`src/plugins/lifecycle`) and drawn as SVG in the
 * static HTML. Given live props it highlights the active states, animates the transition just
 * taken and turns the labels of enabled events into buttons.
 * @module
 */
import React, { useId, type ReactNode } from 'react';
import type { LayoutFile, MachineLayout } from '../../plugins/lifecycle/types';
import generated from './generated/layouts.json';
import Diagram from './Diagram';
import Legend from './Legend';
import { diagramLabel, stateName, stateRole, transitionText } from './describe';
import { isEnabled, takenEdges, within, type TakenTransition } from './match';
import styles from './styles.module.css';

export { statePaths } from './match';
export type { TakenTransition } from './match';

const layouts = generated as unknown as LayoutFile;

/** The machine ids that have a generated layout (`dma_fence`, ...). */
export const lifecycleMachines: readonly string[] = Object.keys(layouts);

/** The generated layout of a machine; throws with the known ids when there is none. */
export function lifecycleLayout(machine: string): MachineLayout {
  const layout = layouts[machine];
  if (!layout) throw new Error(`<Lifecycle machine="${machine}">: no such machine; known: ${lifecycleMachines.join(', ')}`);
  return layout;
}

/** Props of {@link Lifecycle}. Only `machine` is needed for a static diagram. */
export interface LifecycleProps {
  /** The machine id, as in `sandbox/machines` (`dma_buf`, `dma_buf_attachment`, `dma_fence`). */
  machine: string;
  /** Active state paths (`lifecycle.pending`); ancestors are highlighted too. See `statePaths`. */
  active?: string[];
  /** The transition just taken, animated on the diagram; a new object restarts the animation. */
  lastTransition?: TakenTransition;
  /** Event types the machine accepts now; with `onEvent`, their labels become buttons. */
  enabledEvents?: string[];
  /** Called with the event type when the reader clicks (or presses Enter/Space on) an event label. */
  onEvent?: (type: string) => void;
  /** Caption under the diagram; defaults to one naming the struct. */
  caption?: ReactNode;
}

// Each new lastTransition object gets a new number, so the animation restarts even on the same edge.
const seqs = new WeakMap<object, number>();
let nextSeq = 1;
function seqOf(t: object | undefined): number {
  if (!t) return 0;
  let n = seqs.get(t);
  if (n === undefined) {
    n = nextSeq++;
    seqs.set(t, n);
  }
  return n;
}

/** Closes a list of state paths over their ancestors: `a.b` → `a.b`, `a`, and the root `''`. */
function withAncestors(paths: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of paths) {
    const parts = p.split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  if (out.size) out.add('');
  return out;
}

/** The visually hidden text version of the diagram: every state (nested) and every transition. */
function TextVersion({ layout, id, active }: { layout: MachineLayout; id: string; active: ReadonlySet<string> }): ReactNode {
  const byId = new Map(layout.states.map((s) => [s.id, s]));
  const item = (sid: string): ReactNode => {
    const s = byId.get(sid)!;
    const role = stateRole(layout, s);
    return (
      <li key={sid}>
        <code>{stateName(layout, sid)}</code>
        {role ? ` (${role})` : ''}
        {active.has(sid) && sid !== '' ? ', active' : ''}
        {s.children.length ? <ul>{s.children.map(item)}</ul> : null}
      </li>
    );
  };
  return (
    <div id={id} className={styles.visuallyHidden}>
      <p>States:</p>
      <ul>{item('')}</ul>
      <p>Transitions:</p>
      <ul>
        {layout.transitions.map((t) => (
          <li key={t.id}>{transitionText(layout, t)}</li>
        ))}
      </ul>
    </div>
  );
}

/** A lifecycle state diagram; see {@link LifecycleProps}. */
export default function Lifecycle({ machine, active, lastTransition, enabledEvents, onEvent, caption }: LifecycleProps): ReactNode {
  const layout = lifecycleLayout(machine);
  const textId = `lifecycle-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const activeSet = withAncestors(active ?? []);
  const buttons = new Set(onEvent ? layout.transitions.filter((t) => isEnabled(t, enabledEvents, active)).map((t) => t.id) : []);
  const taken = takenEdges(layout.transitions, lastTransition);
  const entered = new Set(taken.filter((t) => !t.internal).flatMap((t) => [...activeSet].filter((a) => a !== '' && within(a, t.target))));
  const live = active !== undefined;
  return (
    <figure className={styles.figure}>
      {/* Wide diagrams scroll sideways; the region is focusable so keyboard users can scroll it too. */}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={`Diagram of struct ${machine} (scrollable)`}>
        <Diagram
          layout={layout}
          active={activeSet}
          buttons={buttons}
          taken={{ ids: new Set(taken.map((t) => t.id)), seq: seqOf(lastTransition) }}
          entered={entered}
          onEvent={onEvent}
          label={diagramLabel(layout, active)}
          describedBy={textId}
        />
      </div>
      <TextVersion layout={layout} id={textId} active={activeSet} />
      <figcaption className={styles.caption}>
        {caption ?? (
          <>
            Lifecycle of <code>struct {machine}</code>, drawn from the XState machine in <code>sandbox/machines</code>.
          </>
        )}
        <Legend live={live} />
      </figcaption>
    </figure>
  );
}
