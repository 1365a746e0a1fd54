/**
 * Remark plugin: fills each `<Sandbox example="id" />` of an MDX page with that example's code,
 * title, summary and Kconfig at compile time (from the generated `examples.json`), so a page
 * carries only the programs it shows and the Sandbox component needs no table of all examples.
 * An unknown id fails the build with the list of known ones.
 */
import fs from 'node:fs';
import path from 'node:path';

interface Example {
  id: string;
  title: string;
  summary: string;
  code: string;
  config: Record<string, boolean>;
}

interface MdNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
}

export default function remarkSandboxExamples(options: { examplesFile: string }) {
  return (tree: MdNode, file: { path?: string }) => {
    let examples: Map<string, Example> | undefined;
    const walk = (n: MdNode) => {
      if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name === 'Sandbox') {
        const attrs = n.attributes ?? [];
        const id = attrs.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'example')?.value;
        if (typeof id === 'string') {
          examples ??= new Map((JSON.parse(fs.readFileSync(options.examplesFile, 'utf8')) as Example[]).map((e) => [e.id, e]));
          const ex = examples.get(id);
          if (!ex) {
            throw new Error(`${file.path ?? 'MDX'}: <Sandbox example="${id}">: no such example; known: ${[...examples.keys()].join(', ')}`);
          }
          const add = (name: string, value: string) => attrs.push({ type: 'mdxJsxAttribute', name, value });
          add('exampleTitle', ex.title);
          add('exampleSummary', ex.summary);
          add('exampleCode', ex.code);
          add('exampleConfig', JSON.stringify(ex.config));
          n.attributes = attrs;
        }
      }
      n.children?.forEach(walk);
    };
    walk(tree);
  };
}

/** The plugin with the site's generated examples file. */
export function sandboxExamplesPlugin(siteDir: string): [typeof remarkSandboxExamples, { examplesFile: string }] {
  return [remarkSandboxExamples, { examplesFile: path.join(siteDir, 'src', 'components', 'Sandbox', 'generated', 'examples.json') }];
}
