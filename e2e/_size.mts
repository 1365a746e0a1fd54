import fs from 'node:fs'; import path from 'node:path'; import zlib from 'node:zlib';
import { launch } from '/work/main/e2e/browser.ts';
import { serveBuild, buildDir } from '/work/main/e2e/server.ts';
const site = await serveBuild();
const b = await launch();
const p = await b.newPage();
const js: string[] = [];
p.on('request', (r) => { if (r.url().endsWith('.js')) js.push(new URL(r.url()).pathname); });
await p.goto(site.url + '/driver-api/dma-buf', { waitUntil: 'networkidle' });
let total = 0, gz = 0;
for (const f of js) { const buf = fs.readFileSync(path.join(buildDir, f)); total += buf.length; const g = zlib.gzipSync(buf).length; gz += g; console.log(f, buf.length, g); }
console.log('total', total, 'gz', gz);
await b.close(); await site.close();
