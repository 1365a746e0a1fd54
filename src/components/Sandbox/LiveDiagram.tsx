/**
 * The selected object's lifecycle machine, drawn by the Lifecycle component with its current
 * state highlighted and the last transition animated; clicking an enabled event drives the model.
 */
import React, { type ReactNode } from 'react';
import Lifecycle from '@site/src/components/Lifecycle';
import type { ObjectState } from './objects';

export default function LiveDiagram({ machine, state, onEvent }: { machine: string; state: ObjectState; onEvent?: (event: string) => void }): ReactNode {
  return <Lifecycle machine={machine} active={state.active} lastTransition={state.lastTransition} enabledEvents={onEvent ? state.enabledEvents : undefined} onEvent={onEvent} />;
}
