/** `npm run dev`: like `npm start`, but the Docusaurus dev server with hot reload (no search index). */
import { bin, prepare, sh } from './ensure.mjs';

prepare();
process.exit(sh(bin('docusaurus'), ['start', '--port', process.env.PORT ?? '3000', '--host', process.env.HOST ?? 'localhost', '--no-open', ...process.argv.slice(2)]));
