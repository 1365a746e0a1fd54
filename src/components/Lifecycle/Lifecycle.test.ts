import { beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
// @ts-ignore -- react-dom ships no types and @types/react-dom is not installed
import { renderToString } from 'react-dom/server';
import { generateLayouts } from '../../plugins/lifecycle/generate.ts';
import type { LayoutFile } from '../../plugins/lifecycle/types.ts';

let mod: typeof import('./index.tsx');
let machines: string[];

beforeAll(async () => {
  // the component imports the generated file: write it first, as the build does
  machines = await generateLayouts();
  mod = await import('./index.tsx');
});

describe('<Lifecycle> server render', () => {
  it('renders every machine as SVG with every state name and event, and a text version', () => {
    for (const machine of machines) {
      const html = renderToString(createElement(mod.default, { machine }));
      const layout = (mod as unknown as { lifecycleLayout: (m: string) => LayoutFile[string] }).lifecycleLayout(machine);
      expect(html).toContain('<svg');
      expect(html).toContain('role="img"');
      for (const s of layout.states) expect(html, `${machine}: ${s.key}`).toContain(`>${s.key}`);
      for (const t of layout.transitions) expect(html, `${machine}: ${t.event}`).toContain(t.event);
      expect(html).toContain('Transitions:');
    }
  });

  it('highlights active states, animates the edge taken and makes enabled events buttons', () => {
    const html = renderToString(
      createElement(mod.default, {
        machine: 'dma_fence',
        active: ['lifecycle.signaled', 'signalling.enabled'],
        lastTransition: { event: 'signal', from: ['lifecycle.pending', 'signalling.enabled'], to: ['lifecycle.signaled', 'signalling.enabled'] },
        enabledEvents: ['set_error', 'release'],
        onEvent: () => {},
      }),
    );
    expect(html).toContain('role="group"');
    expect(html).toContain('Active: lifecycle.signaled, signalling.enabled.');
    // only the transitions leaving an active state are buttons: set_error and release on signaled
    expect(html.match(/role="button"/g)?.length).toBe(2);
    expect(html).toContain('aria-label="Send release: lifecycle.signaled → lifecycle.released"');
    expect(html).not.toContain('aria-label="Send release: lifecycle.pending');
  });

  it('refuses an unknown machine with the known ones listed', () => {
    expect(() => renderToString(createElement(mod.default, { machine: 'nope' }))).toThrow(/known: .*dma_fence/);
  });
});

describe('statePaths', () => {
  it('lists every active path with ancestors', () => {
    expect(mod.statePaths({ lifecycle: 'pending', signalling: 'disabled' })).toEqual(['lifecycle', 'lifecycle.pending', 'signalling', 'signalling.disabled']);
  });
});
