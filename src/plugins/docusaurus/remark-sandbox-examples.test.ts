import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import remarkSandboxExamples from './remark-sandbox-examples.ts';

describe('remark-sandbox-examples', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ex-')), 'examples.json');
  fs.writeFileSync(file, JSON.stringify([{ id: 'fences', title: 'Fences', summary: 'Signal once.', code: 'const a = "<b>{x}</b>";\n', config: { CONFIG_DMABUF_MOVE_NOTIFY: true } }]));
  const run = remarkSandboxExamples({ examplesFile: file });

  it('fills <Sandbox example> with the example as string attributes', () => {
    const node = { type: 'mdxJsxFlowElement', name: 'Sandbox', attributes: [{ type: 'mdxJsxAttribute', name: 'example', value: 'fences' }], children: [] };
    run({ type: 'root', children: [node] }, { path: 'tour.mdx' });
    expect(Object.fromEntries(node.attributes.map((a) => [a.name, a.value]))).toEqual({
      example: 'fences',
      exampleTitle: 'Fences',
      exampleSummary: 'Signal once.',
      exampleCode: 'const a = "<b>{x}</b>";\n',
      exampleConfig: '{"CONFIG_DMABUF_MOVE_NOTIFY":true}',
    });
  });

  it('fails the build on an unknown example, naming the known ones', () => {
    const node = { type: 'mdxJsxFlowElement', name: 'Sandbox', attributes: [{ type: 'mdxJsxAttribute', name: 'example', value: 'nope' }], children: [] };
    expect(() => run({ type: 'root', children: [node] }, { path: 'tour.mdx' })).toThrow('tour.mdx: <Sandbox example="nope">: no such example; known: fences');
  });
});
