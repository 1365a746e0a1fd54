/**
 * `npm test`: installs what is missing (npm packages, docutils, Debian's chromium), fetches the
 * kernel tree, generates the pages, runs every unit/conformance test (vitest), builds the site and
 * runs the browser tests against it, then prints one closing line `tests: N passed, M failed`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bin, ensureNpm, ensureSystem, root, sh } from './ensure.mjs';

ensureNpm();
ensureSystem({ browser: true });

const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
const steps = [];

function vitest(name, args) {
  const out = path.join(results, `${name}.json`);
  fs.rmSync(out, { force: true });
  const code = sh(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args]);
  let failedTests = 0;
  try {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failedTests = r.numFailedTests;
  } catch {
    /* no report: the run itself failed */
  }
  // A red run with no failed test (a suite that failed to load, a missing report) still counts once.
  failed += failedTests || (code !== 0 ? 1 : 0);
  steps.push(`${name}: ${code === 0 ? 'ok' : 'FAILED'}`);
  return code === 0;
}

function step(name, cmd, args) {
  const ok = sh(cmd, args) === 0;
  steps.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
  if (ok) passed += 1;
  else failed += 1;
  return ok;
}

const generated = step('generate pages', bin('tsx'), ['src/plugins/generate/cli.ts']);
// After generation: components import the generated layouts, examples and declarations.
step('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
vitest('unit', []);
const built = generated && step('docusaurus build', bin('docusaurus'), ['build']);
if (built) vitest('e2e', ['--config', 'e2e/vitest.config.mts']);

process.stdout.write(`\n${steps.join('\n')}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
