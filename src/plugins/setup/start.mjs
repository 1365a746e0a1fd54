/** `npm start`: install what is missing, fetch the kernel tree, generate the pages, serve on :3000. */
import { bin, ensureNpm, ensureSystem, sh } from './ensure.mjs';

ensureNpm();
ensureSystem();
if (sh(bin('tsx'), ['src/plugins/generate/cli.ts']) !== 0) process.exit(1);
process.exit(sh(bin('docusaurus'), ['start', '--port', process.env.PORT ?? '3000', '--host', process.env.HOST ?? 'localhost', ...process.argv.slice(2)]));
