/** `npm run build`: install what is missing, generate the pages, build the static site into build/. */
import { bin, ensureNpm, ensureSystem, sh } from './ensure.mjs';

ensureNpm();
ensureSystem();
if (sh(bin('tsx'), ['src/plugins/generate/cli.ts']) !== 0) process.exit(1);
process.exit(sh(bin('docusaurus'), ['build', ...process.argv.slice(2)]));
