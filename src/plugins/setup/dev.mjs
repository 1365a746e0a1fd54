/** `npm run dev`: like `npm start`, but the Docusaurus dev server with hot reload (no search index). */
import { bin, ensureNpm, ensureSystem, sh } from './ensure.mjs';

ensureNpm();
ensureSystem();
if (sh(bin('tsx'), ['src/plugins/generate/cli.ts']) !== 0) process.exit(1);
process.exit(sh(bin('docusaurus'), ['start', '--port', process.env.PORT ?? '3000', '--host', process.env.HOST ?? 'localhost', '--no-open', ...process.argv.slice(2)]));
