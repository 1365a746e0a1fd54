/**
 * Serves the built site (build/) on 127.0.0.1 with serve-handler, the static server Docusaurus'
 * own `serve` command uses, with `.html` extension fallback so `/driver-api/dma-buf` and
 * `/driver-api/dma-buf.html` both resolve.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import handler from 'serve-handler';

export const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');

export async function serveBuild(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => handler(req, res, { public: buildDir, cleanUrls: true, trailingSlash: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
