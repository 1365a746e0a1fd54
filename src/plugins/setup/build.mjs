/** `npm run build`: install what is missing, generate the pages, build the static site into build/. */
import { bin, prepare, sh } from './ensure.mjs';

prepare();
process.exit(sh(bin('docusaurus'), ['build', ...process.argv.slice(2)]));
