/**
 * `npm start`: install what is missing, fetch the kernel tree, generate the pages, build the site
 * and serve it on http://localhost:3000. The production build is what is served because the
 * offline search index only exists there; `npm run dev` serves with hot reload instead.
 */
import { bin, prepare, sh } from './ensure.mjs';

prepare();
if (sh(bin('docusaurus'), ['build']) !== 0) process.exit(1);
process.exit(sh(bin('docusaurus'), ['serve', '--port', process.env.PORT ?? '3000', '--host', process.env.HOST ?? 'localhost', '--no-open', ...process.argv.slice(2)]));
