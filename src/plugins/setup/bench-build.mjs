/**
 * `npm run bench:build`: a cold build with the kernel tree already cached — `docusaurus clear`,
 * then generate + `docusaurus build` — timed and printed as JSON. Target: under 90 s on 2 cores.
 */
import { bin, ensureNpm, ensureSystem, sh } from './ensure.mjs';

ensureNpm();
ensureSystem();
const time = (name, cmd, args) => {
  const t0 = performance.now();
  const code = sh(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (code !== 0) throw new Error(`${name} failed (${code})`);
  return (performance.now() - t0) / 1000;
};
sh(bin('tsx'), ['src/plugins/kernel-source/cli.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
time('clear', bin('docusaurus'), ['clear']);
const generate = time('generate', bin('tsx'), ['src/plugins/generate/cli.ts']);
const build = time('build', bin('docusaurus'), ['build']);
const r = (x) => Math.round(x * 10) / 10;
process.stdout.write(`${JSON.stringify({ generateSeconds: r(generate), docusaurusBuildSeconds: r(build), coldBuildSeconds: r(generate + build), targetSeconds: 90 }, null, 2)}\n`);
