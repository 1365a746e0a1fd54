import { launch } from '/work/main/e2e/browser.ts';
import { serveBuild } from '/work/main/e2e/server.ts';
import { seriousViolations } from '/work/main/e2e/axe.ts';
const site = await serveBuild();
const b = await launch();
for (const u of ['/driver-api/dma-buf', '/playground', '/driver-api/identifiers', '/intro', '/', '/lifecycles']) {
  for (const theme of ['light', 'dark']) {
  const p = await b.newPage({ colorScheme: theme as 'light' | 'dark' });
  await p.goto(site.url + u, { waitUntil: 'networkidle' });
  await p.waitForTimeout(500);
  const v = await seriousViolations(p);
  console.log(u, theme, JSON.stringify(v, null, 1).slice(0, 1200));
  await p.close();
  }
}
await b.close(); await site.close();
